import type { ValidationIssue } from '../../schemas/validation-issue.ts';
import type { InputPosition } from '../../scan/documents/input-item.ts';
import { describePosition } from '../../scan/documents/input-item.ts';

/** One stderr line per problem: where (file, line, record), which field, and why. */
const invalidInputLines = (position: InputPosition, issues: readonly ValidationIssue[]): string[] =>
  issues.map(
    (issue) =>
      `invalid input: ${describePosition(position)}: ${issue.path}: ${issue.message} (${issue.code})`,
  );

const unreadableInputLine = (position: InputPosition, reason: string): string =>
  `unreadable input: ${describePosition(position)}: ${reason}`;

export { invalidInputLines, unreadableInputLine };
