import pino from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';

/**
 * Paths never logged whatever a caller passes: raw events and anything that looks like a secret.
 * Handlers log issue paths and ids, never events, at info (pino docs: redaction).
 */
const REDACT_PATHS = ['event', 'detail', '*.sessionToken', '*.secretAccessKey', '*.password', 'err.event'];

interface LoggerOptions {
  level?: Level | 'silent';
  /** Defaults to stdout, synchronous: asynchronous logging loses lines when Lambda freezes (pino docs). */
  destination?: DestinationStream;
}

/** The one logger factory: JSON lines, string levels, no pid/hostname, central redaction. */
const createLogger = ({ level = 'info', destination }: LoggerOptions = {}): Logger =>
  pino(
    {
      level,
      base: { service: 'rootwatch' },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );

export { createLogger, REDACT_PATHS };
export type { Logger };
