import type { FindingKindEntry } from './kind-entry.ts';
import { REF } from './references.ts';

const awsService = {
  subject: 'AWS service as root',
  isChange: false,
  runbook: {
    title: 'AWS service acting as root',
    call: [
      "Nobody: an AWS service acted with the root identity on the account's behalf. Recorded for context.",
    ],
    contain: [],
    check: ['Which service it was (the user agent) and that the account uses it.'],
    references: [REF.bestPractices],
  },
} as const satisfies FindingKindEntry;

export { awsService };
