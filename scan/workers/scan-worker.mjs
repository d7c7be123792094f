// A scan worker thread's entry. Workers do not inherit the tsx hook that `cli/rootwatch.mjs`
// registers, so each registers it (resolved from this file, wherever the command was started).
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
