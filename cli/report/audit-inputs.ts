import type { Markup } from './html.ts';
import { dataTable } from './table.ts';
import { tag } from './tag.ts';

/** What reading one input said beside its results: why it was not audited, or a warning. */
interface InputProblem {
  file: string;
  kind: 'not audited' | 'warning';
  /** The line printed on stderr. */
  message: string;
}

/** More than this many lines are counted, not listed: a fleet of broken files would drown the page. */
const MAX_LISTED = 200;

/** The inputs that could not be audited and the warnings of the others, as printed on stderr. */
const inputsSection = (
  problems: readonly InputProblem[],
): { title: string; note: string; content: Markup } | undefined => {
  if (problems.length === 0) return undefined;
  const listed = problems.slice(0, MAX_LISTED);
  const rest = problems.length - listed.length;
  return {
    title: 'Inputs',
    note:
      'The inputs that could not be audited (their accounts are missing above) and the warnings of the others, ' +
      'as the command printed them.' +
      (rest > 0 ? ` The first ${MAX_LISTED} lines; ${rest} more are on stderr.` : ''),
    content: dataTable(
      ['Input', '', 'Message'],
      listed.map(({ file, kind, message }) => [
        file,
        tag(kind, kind === 'not audited' ? 'danger' : 'caution'),
        message,
      ]),
    ),
  };
};

export { inputsSection };
export type { InputProblem };
