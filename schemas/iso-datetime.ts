import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * An ISO 8601 date-time, offset allowed. One shared instance: building this schema compiles a large
 * regular expression, and the Lambda's cold start should pay for it once, not once per schema.
 */
const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export { IsoDateTimeSchema };
