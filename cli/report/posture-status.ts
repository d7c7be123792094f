import { POSTURE_STATUSES } from '../../schemas/posture-result.ts';
import type { PostureStatus } from '../../schemas/posture-result.ts';
import type { Markup } from './html.ts';
import { TONE_COLOURS } from './palette.ts';
import type { Tone } from './palette.ts';
import { tag } from './tag.ts';

/** What each posture status means at a glance: a failure is bad, unknown is in doubt, skipped says nothing. */
const STATUS_TONES: Readonly<Record<PostureStatus, Tone>> = {
  pass: 'ok',
  fail: 'danger',
  unknown: 'caution',
  skipped: 'neutral',
};

/** The colour of each status, for charts whose parts are statuses. */
const STATUS_COLOURS: Readonly<Record<PostureStatus, string>> = Object.fromEntries(
  POSTURE_STATUSES.map((status) => [status, TONE_COLOURS[STATUS_TONES[status]]]),
) as Record<PostureStatus, string>;

/** `FAIL` on red, `PASS` on green…: the word carries the meaning, the colour helps. */
const statusTag = (status: PostureStatus): Markup => tag(status.toUpperCase(), STATUS_TONES[status]);

export { STATUS_TONES, STATUS_COLOURS, statusTag };
