import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { AuditFactsFileSchema } from '../schemas/audit-facts-file.ts';
import type { AuditFactsFile } from '../schemas/audit-facts-file.ts';
import { UsageError } from './usage-error.ts';

/** `audit --facts FILE`: the AWS answers a credential report cannot hold. Errors name the file and each bad field. */
const loadAuditFacts = async (path: string | undefined): Promise<AuditFactsFile | undefined> => {
  if (path === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read --facts ${path}: ${(error as Error).message}`);
  }
  const parsed = AuditFactsFileSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`invalid --facts ${path}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

export { loadAuditFacts };
