import { didYouMean } from '../schemas/closest-name.ts';
import { flagsOf } from './usage.ts';
import type { CommandName } from './usage.ts';
import { UsageError } from './usage-error.ts';

/** What Node's file-system error codes mean, as a person says it. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
};

interface SystemError extends Error {
  code?: string;
  path?: string;
  syscall?: string;
}

/** `x.json: no such file or directory`, for Node's `ENOENT: no such file or directory, open 'x.json'`. */
const systemErrorText = (error: SystemError): string | undefined => {
  const meaning = error.code === undefined ? undefined : SYSTEM_ERRORS[error.code];
  if (!meaning || error.path === undefined) return undefined;
  return `${error.path}: ${meaning}`;
};

/** The option that a `parseArgs` message names (`Option '--since <value>' …`, `Unknown option '--jsn'`). */
const optionIn = (message: string): string | undefined => /option '(-{1,2}[^' <]+)/i.exec(message)?.[1];

/** The one line for an error of `util.parseArgs`, which is Node's text and names no fix. */
const parseArgsText = (command: CommandName, error: SystemError): string | undefined => {
  const option = optionIn(error.message);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}${didYouMean(option ?? '', [...flagsOf(command), '--help'])}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (error.message.includes('argument missing')) return `${option} needs a value`;
      if (error.message.includes('does not take an argument')) return `${option} takes no value`;
      return error.message;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /argument '([^']*)'/.exec(error.message)?.[1];
      return `${command} takes no PATH or other argument, but was given "${argument}"`;
    }
    default:
      return undefined;
  }
};

/**
 * zod's pretty errors, one line: `invalid config x.json:\n✖ Unrecognized key: "a"\n  → at a` becomes
 * `invalid config x.json: Unrecognized key: "a" (at a)`; several problems are joined by `; `.
 */
const oneLine = (text: string): string =>
  text
    .replace(/\n\s*→ at ([^\n]+)/g, ' (at $1)')
    .replace(/:?\n✖ /, ': ')
    .replace(/\n✖ /g, '; ')
    .replace(/\s*\n\s*/g, ' ');

/**
 * The one line a command's failure prints: `rootwatch scan: unknown option --jsn (did you mean
 * --json?); see rootwatch scan --help`. Usage problems point at the command's help; file problems
 * name the file and what is wrong with it, never Node's own wording; anything else keeps its first
 * line (the messages rootwatch writes name the input).
 */
const errorLine = (command: CommandName, error: unknown): string => {
  const help = `; see rootwatch ${command} --help`;
  if (error instanceof UsageError) return `rootwatch ${command}: ${oneLine(error.message)}${help}`;
  const failure = error instanceof Error ? (error as SystemError) : new Error(String(error));
  const usage = parseArgsText(command, failure);
  if (usage !== undefined) return `rootwatch ${command}: ${usage}${help}`;
  const cause = failure.cause instanceof Error ? (failure.cause as SystemError) : undefined;
  const meaning = cause?.code === undefined ? undefined : SYSTEM_ERRORS[cause.code];
  // `cannot read config x.json: ENOENT: no such file …, open 'x.json'` keeps its words, not Node's.
  const text =
    systemErrorText(failure) ??
    (meaning && cause && failure.message.includes(cause.message)
      ? failure.message.replace(cause.message, meaning)
      : failure.message);
  return `rootwatch ${command}: ${oneLine(text).replace(/^rootwatch: /, '')}`;
};

export { errorLine, systemErrorText };
