import type { KeyAges } from '../../schemas/key-ages.ts';
import { STUDY_FIGURES } from '../../posture/field-study.ts';
import { formatShare } from '../format/bytes.ts';
import { plural } from '../format/plural.ts';
import { columnChart } from './column-chart.ts';
import { emptyState } from './empty-state.ts';
import type { Section } from './page.ts';

/**
 * The age of every active root access key as a chart (keys, not accounts, as the field study counted
 * them), with the share over 90 days beside the study's; keys of unknown age are counted, not drawn.
 */
const keyAgesSection = (ages: KeyAges): Section => {
  const known = ages.keys - ages.unknown;
  const study = STUDY_FIGURES['root-keys-over-90-days'];
  return {
    title: 'Age of the active root access keys',
    note:
      `${plural(ages.keys, 'active root key')} in the accounts’ latest reports; ` +
      `${ages.over90Days} of the ${known} of known age are over 90 days (${formatShare(known ? ages.over90Days / known : null)})` +
      `${ages.unknown ? `; ${ages.unknown} of unknown age (last_rotated N/A or after the as-of), not drawn` : ''}. ` +
      `Age: the as-of minus access_key_N_last_rotated. Field study: ${study.value} ${study.of}.`,
    content: ages.keys
      ? columnChart(
          ages.bins.map((bin) => ({ label: bin.label, value: bin.keys })),
          { title: 'Active root access keys by age', unit: 'key' },
        )
      : emptyState(
          'None',
          'no audited account has an active root access key, so there is no key age to chart.',
        ),
  };
};

export { keyAgesSection };
