import type { Severity } from '../../schemas/finding.ts';
import { createsOrWeakensRootCredential } from './root-credential-target.ts';
import type { SeverityFacts } from './severity-facts.ts';

/**
 * One line of the default severity policy. `failureStepsDown`: a failed call is one step lower
 * than its success would be, except where the rule says otherwise.
 */
interface SeverityRule {
  id: string;
  severity: Severity;
  failureStepsDown: boolean;
  when(facts: SeverityFacts): boolean;
}

const isSignIn = (facts: SeverityFacts) => facts.activity === 'sign-in';
const succeeded = (facts: SeverityFacts) => facts.outcome === 'success';

/**
 * The default policy (docs/finding-and-formats.md). The highest severity among matching rules wins, after
 * the failure step-down. `aws-service` is settled before this table (always `info`), and
 * `assumed-root` activity only meets the critical rules and its own (see evaluate.ts).
 */
const DEFAULT_SEVERITY_POLICY: readonly SeverityRule[] = [
  {
    id: 'sign-in-without-mfa',
    severity: 'critical',
    failureStepsDown: false,
    when: (facts) => isSignIn(facts) && succeeded(facts) && facts.mfa === false,
  },
  {
    // Even a failed call proves that someone holds a working root key.
    id: 'long-term-access-key',
    severity: 'critical',
    failureStepsDown: false,
    when: (facts) => facts.credential === 'access-key',
  },
  {
    id: 'root-credential-created-or-weakened',
    severity: 'critical',
    failureStepsDown: true,
    when: (facts) => createsOrWeakensRootCredential(facts.record),
  },
  {
    id: 'logging-change',
    severity: 'critical',
    failureStepsDown: true,
    when: (facts) => facts.activity === 'logging-change',
  },
  {
    id: 'sign-in',
    severity: 'high',
    failureStepsDown: false,
    when: (facts) => isSignIn(facts) && succeeded(facts),
  },
  {
    id: 'failed-sign-in',
    severity: 'medium',
    failureStepsDown: false,
    when: (facts) => isSignIn(facts) && !succeeded(facts),
  },
  {
    id: 'password-recovery',
    severity: 'high',
    failureStepsDown: true,
    when: (facts) => facts.activity === 'password-recovery',
  },
  {
    id: 'credential-change',
    severity: 'high',
    failureStepsDown: true,
    when: (facts) => facts.activity === 'credential-change',
  },
  {
    id: 'console-session',
    severity: 'high',
    failureStepsDown: true,
    when: (facts) => facts.credential === 'console-session',
  },
  {
    id: 'session-token',
    severity: 'high',
    failureStepsDown: true,
    when: (facts) => facts.credential === 'session-token',
  },
  {
    id: 'unknown-credential',
    severity: 'high',
    failureStepsDown: true,
    when: (facts) => facts.credential === 'unknown',
  },
  {
    id: 'assumed-root',
    severity: 'medium',
    failureStepsDown: true,
    when: (facts) => facts.credential === 'assumed-root',
  },
];

export { DEFAULT_SEVERITY_POLICY };
export type { SeverityRule };
