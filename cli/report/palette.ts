/**
 * Colours of the report: a calm base and one accent per meaning, readable by people with the
 * common colour-vision deficiencies (blue/orange contrast; red only with a label beside it).
 */
const PALETTE = {
  ink: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  background: '#ffffff',
  bar: '#2f6fb0',
  accent: '#d9822b',
  danger: '#c23030',
  ok: '#2d8a4e',
  neutral: '#9aa5b1',
} as const;

/** What a figure or a status means at a glance: bad, good, in doubt, or nothing to say. */
type Tone = 'danger' | 'ok' | 'caution' | 'neutral';

const TONE_COLOURS: Readonly<Record<Tone, string>> = {
  danger: PALETTE.danger,
  ok: PALETTE.ok,
  caution: PALETTE.accent,
  neutral: PALETTE.neutral,
};

/** Distinct series colours, in order. */
const SERIES = ['#2f6fb0', '#d9822b', '#7a5195', '#2d8a4e', '#c23030', '#9aa5b1', '#ffa600'] as const;

export { PALETTE, SERIES, TONE_COLOURS };
export type { Tone };
