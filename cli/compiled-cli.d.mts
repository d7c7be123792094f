/** Types of `compiled-cli.mjs` (plain JavaScript: it runs before anything can load TypeScript). */
export declare const compiledEntry: (
  entry: 'main' | 'scan-worker',
  options?: { buildIfStale?: boolean },
) => Promise<string | undefined>;
export declare const importCompiled: (
  entry: 'main' | 'scan-worker',
  options?: { buildIfStale?: boolean },
) => Promise<Record<string, unknown> | undefined>;
