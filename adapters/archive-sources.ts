import { localSource } from '../scan/sources/local-source.ts';
import type { ObjectSource, SourceDescriptor } from '../scan/sources/object-source.ts';
import { s3Source } from './s3-source.ts';

/** The source a descriptor names, opened in this thread (a worker opens its own S3 client). */
const openSource = async (descriptor: SourceDescriptor): Promise<ObjectSource> =>
  descriptor.kind === 'local' ? localSource() : s3Source(descriptor.bucket);

/** A stable key for caching opened sources by descriptor. */
const sourceId = (descriptor: SourceDescriptor): string =>
  descriptor.kind === 'local' ? 'local' : `s3:${descriptor.bucket}`;

/** Opens each source once, on first use. */
const sourceCache = () => {
  const sources = new Map<string, Promise<ObjectSource>>();
  return (descriptor: SourceDescriptor): Promise<ObjectSource> => {
    const id = sourceId(descriptor);
    const source = sources.get(id) ?? openSource(descriptor);
    sources.set(id, source);
    return source;
  };
};

export { openSource, sourceCache };
