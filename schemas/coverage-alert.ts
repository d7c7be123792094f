import * as z from 'zod/mini';
import { LIVENESS_STATES, TRAIL_STATES } from './coverage-report.ts';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

/**
 * The detail of a `Rootwatch Coverage Gap` on the alert bus: one account and Region whose forwarder
 * went silent (or was never heard), with an id stable while it stays silent
 * (`coverage:<account>:<region>:<last heard|never>`), sent once per silence. Strict.
 */
const CoverageAlertDetailSchema = z.strictObject({
  eventId: z.string().check(z.minLength(1)),
  account: z.string().check(z.regex(/^\d{12}$/)),
  region: z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/)),
  liveness: z.enum(LIVENESS_STATES.filter((state) => state !== 'live') as ['silent', 'never-heard']),
  lastHeard: z.nullable(IsoDateTimeSchema),
  silentForMinutes: z.nullable(z.int().check(z.minimum(0))),
  silentAfterMinutes: z.int().check(z.minimum(1)),
  trail: z.enum(TRAIL_STATES),
  asOf: IsoDateTimeSchema,
});

type CoverageAlertDetail = z.infer<typeof CoverageAlertDetailSchema>;

export { CoverageAlertDetailSchema };
export type { CoverageAlertDetail };
