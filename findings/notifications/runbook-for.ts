import type { Finding } from '../../schemas/finding.ts';
import type { FindingKind } from '../finding-kind.ts';
import { findingKind } from '../finding-kind.ts';
import type { Reference } from './runbooks.ts';
import { CONTAINMENT_BY_CREDENTIAL, RUNBOOKS } from './runbooks.ts';

/** A runbook with its placeholders filled in for one finding. */
interface FilledRunbook {
  kind: FindingKind;
  title: string;
  call: string[];
  contain: string[];
  check: string[];
  references: readonly Reference[];
}

/** Kinds about what changed, whatever the credential: the credential's own containment is added. */
const CHANGE_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'access-key-change',
  'mfa-removed',
  'mfa-change',
  'password-change',
  'email-change',
  'credential-change',
  'logging-change',
]);

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
  const runbook = RUNBOOKS[kind];
  const values = placeholders(finding);
  const contain = CHANGE_KINDS.has(kind)
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
