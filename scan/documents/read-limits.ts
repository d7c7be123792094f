import { DEFAULT_MAX_OBJECT_MB } from '../../schemas/read-option-defaults.ts';

/** How much rootwatch reads of one file or object (docs/cli.md, "Hostile inputs"). */
interface ReadLimits {
  /** Bytes of one object, as stored and after gunzip: a larger one is reported, not read. */
  maxObjectBytes: number;
}

const MIB = 2 ** 20;

const readLimitsOf = (maxObjectMb: number): ReadLimits => ({ maxObjectBytes: maxObjectMb * MIB });

/** The default limits (schemas/read-options.ts says why). */
const DEFAULT_READ_LIMITS: ReadLimits = readLimitsOf(DEFAULT_MAX_OBJECT_MB);

/** `over the 256 MiB limit per object (--max-object-mb)`. */
const overLimit = ({ maxObjectBytes }: ReadLimits): string =>
  `over the ${maxObjectBytes / MIB} MiB limit per object (--max-object-mb)`;

export { DEFAULT_READ_LIMITS, MIB, readLimitsOf, overLimit };
export type { ReadLimits };
