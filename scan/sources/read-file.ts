import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { ReadLimits } from '../documents/read-limits.ts';
import { overLimit } from '../documents/read-limits.ts';
import { describeReadError } from './fs-problems.ts';
import type { ReadBuffer } from './read-buffer.ts';
import { freshReadBuffer } from './read-buffer.ts';

/** A file that was not read, and why, in words fit for the user. */
class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

const kindOf = (info: Stats): string =>
  info.isFIFO()
    ? 'a FIFO (named pipe)'
    : info.isCharacterDevice()
      ? 'a character device'
      : info.isBlockDevice()
        ? 'a block device'
        : info.isSocket()
          ? 'a socket'
          : info.isDirectory()
            ? 'a folder'
            : 'not a regular file';

/**
 * Opening without blocking: a FIFO opened for reading otherwise waits for a writer, for ever.
 * O_NOCTTY: a terminal device never becomes this process's controlling terminal.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of a regular file (symbolic links followed), read in full, synchronously (the scan's
 * workers read on threads of their own). Anything else is refused before a byte is read, and so is
 * a file over the size limit: a FIFO would hang the reader, `/dev/zero` would fill its memory.
 * Throws `UnreadableFileError` saying why. The bytes are leased from `into` (the caller releases
 * them once scanned; a failed read releases them itself).
 */
const readRegularFile = (path: string, limits: ReadLimits, into: ReadBuffer = freshReadBuffer): Buffer => {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw new UnreadableFileError(describeReadError(error, path));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile())
      throw new UnreadableFileError(
        `${kindOf(info)}, not a regular file: skipped (rootwatch reads regular files only)`,
      );
    if (info.size > limits.maxObjectBytes)
      throw new UnreadableFileError(`${info.size} bytes, ${overLimit(limits)}: skipped`);
    const bytes = into.lease(info.size);
    let read = 0;
    try {
      for (let got = -1; read < info.size && got !== 0; read += got)
        got = readSync(fd, bytes, read, info.size - read, read);
    } catch (error) {
      into.release(bytes);
      throw error;
    }
    return read === info.size ? bytes : bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(describeReadError(error, path));
  } finally {
    closeSync(fd);
  }
};

export { readRegularFile, UnreadableFileError };
