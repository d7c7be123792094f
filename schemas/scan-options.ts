import * as z from 'zod/mini';
import './zod-english.ts';
import { MaxObjectMbSchema, ObjectTimeoutSecondsSchema } from './read-options.ts';

/** `2026-01-31` (the whole day) or an ISO 8601 time; kept as milliseconds since the epoch. */
const dayOrTime = (bound: 'start' | 'end') =>
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
      const at = Date.parse(day ? `${text}T00:00:00Z` : text);
      if (Number.isNaN(at) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(text))) {
        ctx.issues.push({
          code: 'custom',
          message: `expected YYYY-MM-DD or an ISO 8601 time, not "${text}"`,
          input: text,
        });
        return z.NEVER;
      }
      return day && bound === 'end' ? at + 86_400_000 - 1 : at;
    }),
  );

/**
 * What `rootwatch scan` was asked, after the command line: the archive paths and the filters.
 * `since`/`until` prune folders by their delivery date with a day of slack, then filter records by
 * `eventTime`; an `until` day runs to its last millisecond. Accounts are 12 digits, as in S3 keys.
 * @example { "paths": ["s3://org-trail/AWSLogs/"], "since": "2026-01-01", "accounts": ["111122223333"] }
 */
const ScanOptionsSchema = z
  .strictObject({
    paths: z
      .array(z.string().check(z.minLength(1)))
      .check(z.minLength(1, { error: 'scan needs at least one PATH' })),
    json: z._default(z.boolean(), false),
    out: z.optional(z.string()),
    summary: z.optional(z.string()),
    report: z.optional(z.string()),
    since: z.optional(dayOrTime('start')),
    until: z.optional(dayOrTime('end')),
    accounts: z._default(
      z.array(z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit account id' }))),
      [],
    ),
    regions: z._default(
      z.array(
        z
          .string()
          .check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'expected a region such as eu-west-1' })),
      ),
      [],
    ),
    workers: z._default(z.int().check(z.minimum(0), z.maximum(64)), 2),
    /** `--max-object-mb`: the largest object read, stored or decompressed (schemas/read-options.ts). */
    maxObjectMb: MaxObjectMbSchema,
    /** `--object-timeout`: seconds one object may take to read and scan. */
    objectTimeout: ObjectTimeoutSecondsSchema,
  })
  .check(
    z.refine(
      (options) =>
        options.since === undefined || options.until === undefined || options.since <= options.until,
      {
        error: '--since is after --until',
        path: ['since'],
      },
    ),
  );

type ScanOptions = z.infer<typeof ScanOptionsSchema>;
type ScanOptionsInput = z.input<typeof ScanOptionsSchema>;

export { ScanOptionsSchema, dayOrTime };
export type { ScanOptions, ScanOptionsInput };
