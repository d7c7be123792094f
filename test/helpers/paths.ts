import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findSharedDir } from './shared-dir.ts';

/** The repository root, and the shared, read-only material beside it (overridable for other layouts). */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVENTS_DIR = join(REPO_ROOT, 'events');
const FOUND_SHARED_DIR = findSharedDir(REPO_ROOT);
if (FOUND_SHARED_DIR === undefined) {
  throw new Error(
    `The shared test material is not at ${join(REPO_ROOT, '..', 'shared')} (nor beside the checkout this was cloned from): clone rootwatch beside ../shared, or set ROOTWATCH_SHARED_DIR.`,
  );
}
const SHARED_DIR: string = FOUND_SHARED_DIR;

export { REPO_ROOT, EVENTS_DIR, SHARED_DIR };
