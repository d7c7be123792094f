import type { CredentialReportRow } from '../schemas/credential-report.ts';
import type { KeyAgeBin, KeyAges } from '../schemas/key-ages.ts';
import { MAX_KEY_AGE_DAYS } from './checks/root-key-rotation.ts';
import { DAY_MS } from './time.ts';

/** The bars of the chart, each `(fromDays, toDays]`: the CIS 90 days is an edge (over 90 fails), then the years. */
const BINS: ReadonlyArray<Omit<KeyAgeBin, 'keys'>> = [
  { label: 'up to 30 days', fromDays: 0, toDays: 30 },
  { label: '30–90 days', fromDays: 30, toDays: MAX_KEY_AGE_DAYS },
  { label: '90–180 days', fromDays: MAX_KEY_AGE_DAYS, toDays: 180 },
  { label: '180 days–1 year', fromDays: 180, toDays: 365 },
  { label: '1–2 years', fromDays: 365, toDays: 730 },
  { label: '2–5 years', fromDays: 730, toDays: 1826 },
  { label: 'over 5 years', fromDays: 1826, toDays: null },
];

/** One account's latest report: its root row and the moment it was judged. */
interface KeyedRoot {
  root: CredentialReportRow;
  asOf: number;
}

/** The ages of every active root access key, binned for a chart; keys of unknown age apart. */
const keyAgeDistribution = (roots: readonly KeyedRoot[]): KeyAges => {
  const bins = BINS.map((bin) => ({ ...bin, keys: 0 }));
  const ages: KeyAges = { keys: 0, over90Days: 0, unknown: 0, bins };
  for (const { root, asOf } of roots) {
    for (const [active, rotated] of [
      [root.access_key_1_active, root.access_key_1_last_rotated],
      [root.access_key_2_active, root.access_key_2_last_rotated],
    ] as const) {
      if (!active) continue;
      ages.keys += 1;
      if (rotated === 'N/A' || rotated > asOf) {
        ages.unknown += 1;
        continue;
      }
      const days = (asOf - rotated) / DAY_MS;
      if (days > MAX_KEY_AGE_DAYS) ages.over90Days += 1;
      bins.find((bin) => bin.toDays === null || days <= bin.toDays)!.keys += 1;
    }
  }
  return ages;
};

export { keyAgeDistribution };
export type { KeyedRoot };
