import type { ReadLimits } from '../documents/read-limits.ts';
import { overLimit } from '../documents/read-limits.ts';

/**
 * The bytes of a stream (an S3 object's body, stdin), read until it ends or passes the size limit:
 * then `stop` is called (to abort the rest) and this throws, so that no more than the limit is held.
 */
const readCapped = async (
  stream: AsyncIterable<Uint8Array>,
  limits: ReadLimits,
  stop: () => void = () => {},
): Promise<Buffer> => {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > limits.maxObjectBytes) {
      stop();
      throw new Error(`more than ${limits.maxObjectBytes} bytes, ${overLimit(limits)}: skipped`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
};

export { readCapped };
