import * as z from 'zod/mini';
import './zod-english.ts';

/** A string holding JSON, parsed; invalid JSON is an issue at the string's path, not an exception. */
const JsonTextSchema = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', message: 'expected JSON', input: text });
      return z.NEVER;
    }
  }),
);

export { JsonTextSchema };
