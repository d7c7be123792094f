/** Types of `prestart-workers.mjs` (plain JavaScript: it runs before anything can load TypeScript). */
export declare const prestartWorkers: (count: number) => void;
/** The process-wide list of prestarted workers, on `globalThis`. */
export declare const PRESTARTED: unique symbol;
export declare const WORKER_ENTRY: URL;
