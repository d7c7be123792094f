import * as z from 'zod/mini';
import './zod-english.ts';

const count = z.int().check(z.minimum(0));

/** One bar of the key-age chart: the active root keys over `fromDays` and up to `toDays` days old (the first bar from 0). */
const KeyAgeBinSchema = z.strictObject({
  label: z.string(),
  fromDays: count,
  /** Null for the last, open-ended bin. */
  toDays: z.nullable(count),
  keys: count,
});

/**
 * How old the active root access keys are, from each account's latest credential report: the age is
 * the as-of minus `access_key_N_last_rotated` ("created or last changed" [IAM-CR]). Keys are counted,
 * not accounts (an account can hold two), as the field study counted them ("96% older than 90 days").
 */
const KeyAgesSchema = z.strictObject({
  keys: count,
  /** Active keys whose age is known and over 90 days. */
  over90Days: count,
  /** Active keys whose age the report cannot tell (`N/A`, or rotated after the as-of). */
  unknown: count,
  bins: z.array(KeyAgeBinSchema),
});

type KeyAges = z.infer<typeof KeyAgesSchema>;
type KeyAgeBin = z.infer<typeof KeyAgeBinSchema>;

export { KeyAgesSchema, KeyAgeBinSchema };
export type { KeyAges, KeyAgeBin };
