/** An AWS page a step rests on. */
interface Reference {
  title: string;
  url: string;
}

/**
 * What a responder does about one kind of finding: who to call, how to stop the access (revoke a
 * key, end a session, undo a change), what to check next, and the AWS pages the steps rest on.
 * Steps may name `{account}`, `{accessKeyId}`, `{sourceIp}`, `{callerArn}` and `{taskPolicy}`,
 * filled from the finding (findings/notifications/runbook-for.ts).
 */
interface Runbook {
  title: string;
  call: readonly string[];
  contain: readonly string[];
  check: readonly string[];
  references: readonly Reference[];
}

/** A MITRE ATT&CK (Enterprise) technique, with the one tactic it serves here. */
interface AttackTechnique {
  tactic: { uid: string; name: string };
  technique: { uid: string; name: string };
}

/**
 * Everything rootwatch says about one kind of finding (findings/finding-kind.ts), in one place:
 * the words of a subject line, the ATT&CK technique it is evidence of (none for an AWS service acting
 * with the root identity), and the runbook.
 */
interface FindingKindEntry {
  /** What happened, in the few words a subject line has room for. */
  subject: string;
  attack?: AttackTechnique;
  /**
   * A kind about what changed, whatever the credential that changed it: the runbook then adds how
   * to end that credential's access (findings/notifications/credential-containment.ts).
   */
  isChange: boolean;
  runbook: Runbook;
}

export type { Reference, Runbook, AttackTechnique, FindingKindEntry };
