import { ipVersionOf } from '../formats/aws-places.ts';

/**
 * SNS email subjects: "ASCII text that begins with a letter, number, or punctuation mark; must not
 * include line breaks or control characters; and must be less than 100 characters long".
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
const MAX_SUBJECT_LENGTH = 99;
const ELLIPSIS = '...';
const MIN_HEADLINE = 24;

/** Printable ASCII only: accents dropped, anything else removed, whitespace collapsed. */
const asciiLine = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

const shorten = (text: string, length: number): string =>
  text.length <= length
    ? text
    : `${text.slice(0, Math.max(0, length - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;

interface SubjectParts {
  /** `[CRITICAL]`, `[POSTURE FAIL]`: first, never shortened. */
  tag: string;
  /** What happened: shortened first when the subject is too long. */
  headline: string;
  account: string;
  alias?: string | undefined;
  sourceIp?: string | null | undefined;
}

/**
 * `[CRITICAL] Root sign-in without MFA in 111122223333 (prod) from 192.0.2.0`, under 100 characters.
 * When too long, in turn: the alias goes, then a source that is not an IP address (a service's
 * name), then the headline is shortened (to 24 characters at least), then the end is cut.
 */
const emailSubject = (parts: SubjectParts): string => {
  const tag = asciiLine(parts.tag);
  const headline = asciiLine(parts.headline);
  const account = asciiLine(parts.account);
  const from = parts.sourceIp ? ` from ${asciiLine(parts.sourceIp)}` : '';
  const alias = parts.alias ? ` (${asciiLine(parts.alias)})` : '';
  const tails = [`in ${account}${alias}${from}`, `in ${account}${from}`];
  if (from && !ipVersionOf(parts.sourceIp ?? null)) tails.push(`in ${account}`);
  for (const tail of tails) {
    if (`${tag} ${headline} ${tail}`.length <= MAX_SUBJECT_LENGTH) return `${tag} ${headline} ${tail}`;
  }
  const tail = tails[tails.length - 1] as string;
  const room = MAX_SUBJECT_LENGTH - tag.length - tail.length - 2;
  if (room >= MIN_HEADLINE) return `${tag} ${shorten(headline, room)} ${tail}`;
  return shorten(`${tag} ${headline} ${tail}`, MAX_SUBJECT_LENGTH);
};

export { emailSubject, asciiLine, MAX_SUBJECT_LENGTH };
export type { SubjectParts };
