import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, and the shared, read-only material beside it (overridable for other layouts). */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVENTS_DIR = join(REPO_ROOT, 'events');
const SHARED_DIR = process.env.ROOTWATCH_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
if (!existsSync(SHARED_DIR)) {
  throw new Error(
    `The shared test material is not at ${SHARED_DIR}: clone rootwatch beside ../shared, or set ROOTWATCH_SHARED_DIR.`,
  );
}

export { REPO_ROOT, EVENTS_DIR, SHARED_DIR };
