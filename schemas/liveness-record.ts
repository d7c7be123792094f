import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import './zod-english.ts';

const account = z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit account id' }));
const region = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'expected an AWS Region' }));
const count = z.int().check(z.minimum(0));

/** One account and Region a forwarder runs in: what coverage is counted by. */
const PlaceSchema = z.strictObject({ account, region });

/**
 * A forwarder's liveness event as the detector recorded it: the envelope's account and Region, the
 * envelope's time (when it was put on the forwarder's bus), the time its schedule fired, and the
 * schedule that sent it. Strict, like every output.
 */
const LivenessHeardSchema = z.strictObject({
  kind: z.literal('liveness'),
  account,
  region,
  heardAt: IsoDateTimeSchema,
  scheduledTime: IsoDateTimeSchema,
  schedule: z.string(),
  eventId: z.optional(z.string()),
});

/**
 * One run of the scheduled coverage check (docs/coverage.md): the places it expected (every place
 * ever heard, and those it was told of), those silent for longer than `silentAfterMinutes` (or never
 * heard), and how many of those were alerted for the first time.
 */
const CoverageRunSchema = z.strictObject({
  kind: z.literal('coverage'),
  asOf: IsoDateTimeSchema,
  silentAfterMinutes: count,
  places: count,
  silent: z.array(z.strictObject({ account, region, lastHeard: z.nullable(IsoDateTimeSchema) })),
  alerted: count,
});

type Place = z.infer<typeof PlaceSchema>;
type LivenessHeard = z.infer<typeof LivenessHeardSchema>;
type CoverageRun = z.infer<typeof CoverageRunSchema>;

export { PlaceSchema, LivenessHeardSchema, CoverageRunSchema };
export type { Place, LivenessHeard, CoverageRun };
