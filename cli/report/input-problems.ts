import type { Markup } from './html.ts';
import type { Tone } from './palette.ts';
import { dataTable } from './table.ts';
import { tag } from './tag.ts';

/** What reading one input said: why it (or a record in it) was not read, or a warning. */
interface InputProblem {
  file: string;
  /** A short label (`not audited`, `unreadable`, `warning`), tagged in `tone`. */
  kind: string;
  tone: Tone;
  /** The line printed on stderr. */
  message: string;
}

/** More than this many lines are counted, not listed: a fleet of broken files would drown the page. */
const MAX_LISTED = 200;

/**
 * The report page's last section: the problems of reading the inputs, as the command printed them on
 * stderr (the first 200), so that the page alone says what is missing from it and why. Undefined
 * when there were none.
 */
const inputProblemsSection = (
  problems: readonly InputProblem[],
  note: string,
  /** How many there were, when the caller kept only the first `MAX_LISTED`. */
  total = problems.length,
): { title: string; note: string; content: Markup } | undefined => {
  if (total === 0) return undefined;
  const listed = problems.slice(0, MAX_LISTED);
  const rest = total - listed.length;
  return {
    title: 'Inputs',
    note: `${note} As the command printed them${rest > 0 ? `; the first ${MAX_LISTED} lines, ${rest} more are on stderr` : ''}.`,
    content: dataTable(
      ['Input', '', 'Message'],
      listed.map(({ file, kind, tone, message }) => [file, tag(kind, tone), message]),
    ),
  };
};

export { inputProblemsSection, MAX_LISTED };
export type { InputProblem };
