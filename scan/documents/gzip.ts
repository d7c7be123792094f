const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Whether bytes are gzip, by their magic number, whatever the file or object name says. */
const isGzip = (bytes: Uint8Array): boolean => bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

export { isGzip };
