import type { Finding } from '../../schemas/finding.ts';
import type { FindingKind } from '../finding-kind.ts';
import { findingKind } from '../finding-kind.ts';
import { kindEntry } from '../catalogue.ts';
import type { Reference } from '../kinds/kind-entry.ts';
import { CONTAINMENT_BY_CREDENTIAL } from './credential-containment.ts';

/** A runbook with its placeholders filled in for one finding. */
interface FilledRunbook {
  kind: FindingKind;
  title: string;
  call: string[];
  contain: string[];
  check: string[];
  references: readonly Reference[];
}

const placeholders = (finding: Finding): Record<string, string> => ({
  account: finding.accountAlias ? `${finding.account} (${finding.accountAlias})` : finding.account,
  accessKeyId: finding.accessKeyId ?? 'the access key',
  sourceIp: finding.sourceIp ?? 'the same source',
  callerArn: finding.assumedRoot?.callerArn ?? 'the calling principal',
  taskPolicy: finding.assumedRoot?.taskPolicyArn?.split('/').pop() ?? 'not recorded',
});

const fill = (steps: readonly string[], values: Record<string, string>): string[] => [
  ...new Set(steps.map((step) => step.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole))),
];

/** The runbook for a finding: its kind's, plus how to end the credential's access for change kinds. */
const runbookFor = (finding: Finding): FilledRunbook => {
  const kind = findingKind(finding);
  const { runbook, isChange } = kindEntry(kind);
  const values = placeholders(finding);
  const contain = isChange
    ? [...runbook.contain, ...CONTAINMENT_BY_CREDENTIAL[finding.credential]]
    : runbook.contain;
  return {
    kind,
    title: runbook.title,
    call: fill(runbook.call, values),
    contain: fill(contain, values),
    check: fill(runbook.check, values),
    references: runbook.references,
  };
};

export { runbookFor };
export type { FilledRunbook };
