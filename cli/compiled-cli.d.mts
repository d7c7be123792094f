/** Types of `compiled-cli.mjs` (plain JavaScript: it runs before anything can load TypeScript). */
export declare const compiledEntry: (
  entry: 'main' | 'scan-worker',
  options?: { buildIfStale?: boolean },
) => Promise<string | undefined>;
