import type * as z from 'zod/mini';

/** One reason an input was rejected, with the path inside the input (e.g. `detail.eventTime`). */
interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$-]*$/.test(name)
      ? out
        ? `${out}.${name}`
        : name
      : `${out}[${JSON.stringify(name)}]`;
  }, '');

/** zod issues as plain data: stable enough to log, record and assert on, and free of the input. */
const toValidationIssues = (
  error: z.core.$ZodError,
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] =>
  error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]) || '(root)',
    code: issue.code,
    message: issue.message,
  }));

export { toValidationIssues, formatPath };
export type { ValidationIssue };
