import * as z from 'zod/mini';
import { IsoDateTimeSchema } from './iso-datetime.ts';
import { PostureResultSchema } from './posture-result.ts';
import './zod-english.ts';

/**
 * The detail of a `Root Posture Finding` on the alert bus: a posture result that turned to `fail`,
 * the time of the credential report it was judged on, and an id stable while the check stays failed
 * (`posture:<account>:<check>:<since>`). Strict, like the result.
 */
const PostureAlertDetailSchema = z.extend(PostureResultSchema, {
  eventId: z.string().check(z.minLength(1)),
  asOf: IsoDateTimeSchema,
});

type PostureAlertDetail = z.infer<typeof PostureAlertDetailSchema>;

export { PostureAlertDetailSchema };
export type { PostureAlertDetail };
