/**
 * Peer cases where rootwatch disagrees with the peer's verdict on purpose. Reviewed list: every
 * entry names the case exactly and says why; the peer test fails on any other disagreement, and
 * on an entry that no longer disagrees (so the list cannot rot).
 */
interface PeerCaseWaiver {
  /** `<peer> <rule>: <test name>`, as in peer_cases.jsonl. */
  name: string;
  category: string;
  reason: string;
}

const PEER_CASE_WAIVERS: readonly PeerCaseWaiver[] = [
  {
    name: 'panther AWS.Root.Activity: Root Read-Only Enumeration',
    category: 'reports read-only root calls',
    reason:
      'Panther drops read-only root calls; rootwatch reports them: a stolen root key is usually probed with ' +
      'List/Describe calls first, CIS counts any root use, and the EventBridge rule runs in state ' +
      'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS precisely so that these calls are seen.',
  },
  {
    name: 'panther AWS.Root.Activity: Root Activity - CreateServiceLinkedRole',
    category: 'reports service-linked-role creation by root',
    reason:
      'Panther allow-lists CreateServiceLinkedRole; rootwatch reports it like any other root call (a person ' +
      'acting as root, not a service: no invokedBy). Teams that expect it can lower it with a severity override.',
  },
  {
    name: 'panther AWS.Root.Activity: Root User Failed Activity',
    category: 'placeholder fixture reported as invalid input',
    reason:
      'The fixture says "redacted" for eventTime: rootwatch reports it as invalid input (eventTime) instead of ' +
      'inventing a time. With real values (events/sign-in/root-external-idp-directory-login-failed.json) it ' +
      'reports a failed root sign-in, medium, where Panther drops failed calls on purpose.',
  },
  {
    name: "streamalert cloudtrail_root_account_usage: Use of the AWS 'Root' account will create an alert.",
    category: 'placeholder fixture reported as invalid input',
    reason:
      'StreamAlert fixtures use "..." for eventTime and eventSource and a number for the envelope account: ' +
      'rootwatch reports the record as invalid input, with each field path, and goes on.',
  },
  {
    name: "streamalert cloudtrail_root_account_usage: AWS 'Root' account activity initiated automatically by an AWS service on your behalf will not create an alert.",
    category: 'placeholder fixture reported as invalid input',
    reason:
      'Reported as invalid input ("..." placeholders). With real values it would be a root finding: ' +
      'invokedBy signin.amazonaws.com marks a 2018-2020 console session (DOMAIN.md §2.4, S09, S10), not a service.',
  },
];

export { PEER_CASE_WAIVERS };
export type { PeerCaseWaiver };
