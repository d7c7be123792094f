import type { PostureCheckId, PostureStatus } from '../schemas/posture-result.ts';
import { latestByAccount } from './audit-summary.ts';
import type { AuditedAccount, AuditSummary, FleetFigure } from './audit-summary.ts';

/** The field study behind rootwatch (Netskope, 2021: docs/sources.md): 915 accounts in 153 organisations. */
const FIELD_STUDY = { accounts: 915, organisations: 153 } as const;

/**
 * How an audit figure reads beside the study's: `same` measure; `rebased`, the audit's figure taken
 * over another base to come close to the study's; `different`, a neighbouring measure, shown for
 * context only.
 */
type Comparability = 'same' | 'rebased' | 'different';

/** One of the study's figures as published, and what it measures. */
interface StudyFigure {
  /** As the study gives it: `6%`, `2 in 3`. */
  value: string;
  /** What it counts, read after the value. */
  of: string;
  comparability: Comparability;
  /** Why the audit's figure beside it can, or cannot, be read against it. */
  note: string;
}

const STUDY_FIGURES: Readonly<Record<FleetFigure['id'], StudyFigure>> = {
  'root-access-keys': {
    value: '6%',
    of: `of its ${FIELD_STUDY.accounts} accounts had root access keys`,
    comparability: 'same',
    note: 'Both count the accounts with an active root access key.',
  },
  'root-keys-over-90-days': {
    value: '96%',
    of: 'of those root access keys were older than 90 days',
    comparability: 'rebased',
    note:
      'The study counts keys among root access keys; beside it, the audit counts the accounts with a key ' +
      'older than 90 days among those with an active root key of known age (two keys count once).',
  },
  'root-without-mfa': {
    value: '2 in 3',
    of: 'root console sign-ins were without MFA',
    comparability: 'different',
    note:
      'The study counts console sign-ins (CloudTrail; rootwatch scan measures them), the audit counts ' +
      'accounts whose root user has no MFA device.',
  },
  'recent-root-use': {
    value: '43%',
    of: `of its ${FIELD_STUDY.organisations} organisations used root`,
    comparability: 'different',
    note:
      'The study counts organisations with any root use over its period, the audit counts accounts whose ' +
      'root user was used within the window.',
  },
};

/** The audit's side of a comparison: `failing` of `of` accounts, which `basis` names. */
interface AuditShare {
  failing: number;
  of: number;
  share: number | null;
  basis: string;
}

interface StudyComparison {
  id: FleetFigure['id'];
  /** The fleet figure's label (`with root access keys`). */
  label: string;
  audit: AuditShare;
  study: StudyFigure;
}

const statusOf = (row: AuditedAccount, check: PostureCheckId): PostureStatus | undefined =>
  row.results.find((result) => result.check === check)?.status;

/** Among the accounts with an active root key whose age was decided, those with a key over 90 days. */
const oldKeysAmongKeyed = (summary: AuditSummary): AuditShare => {
  const keyed = latestByAccount(summary.rows).filter((row) => {
    const rotation = statusOf(row, 'root-key-rotation');
    return statusOf(row, 'root-access-keys') === 'fail' && (rotation === 'pass' || rotation === 'fail');
  });
  const failing = keyed.filter((row) => statusOf(row, 'root-key-rotation') === 'fail').length;
  return {
    failing,
    of: keyed.length,
    share: keyed.length ? failing / keyed.length : null,
    basis: 'accounts with an active root key of known age',
  };
};

/**
 * The audit's fleet figures beside the study's, each with the base the audit's share is taken over:
 * the accounts where the check was decided, except for key age, rebased to the accounts with a key.
 */
const besideFieldStudy = (summary: AuditSummary): StudyComparison[] =>
  summary.figures.map((figure) => ({
    id: figure.id,
    label: figure.label,
    audit:
      figure.id === 'root-keys-over-90-days'
        ? oldKeysAmongKeyed(summary)
        : {
            failing: figure.failing,
            of: figure.decided,
            share: figure.share,
            basis: 'accounts where the check was decided',
          },
    study: STUDY_FIGURES[figure.id],
  }));

export { FIELD_STUDY, STUDY_FIGURES, besideFieldStudy };
export type { Comparability, StudyFigure, StudyComparison, AuditShare };
