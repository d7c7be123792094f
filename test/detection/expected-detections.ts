import type { IgnoreReason } from '../../detection/detector.ts';
import type { Activity, Credential, Outcome, ProtectedResource, Severity } from '../../schemas/finding.ts';

/** What one input of a sample must give. Fields left out of `finding` are not checked for that sample. */
type ExpectedFinding = {
  credential: Credential;
  activity: Activity;
  outcome: Outcome;
  mfa: boolean | null;
  severity: Severity;
  severityRule: string;
  /** CIS v3.0.0 recommendation ids, in order. */
  controls: string[];
  account?: string;
  region?: string;
  accountAlias?: string;
  identityType?: string;
  recipientAccountId?: string;
  sharedEventId?: string;
  taskPolicyArn?: string;
  protectedResource?: ProtectedResource;
};
/** `invalid` lists the paths of the validation issues, in order. */
type ExpectedDetection = { finding: ExpectedFinding } | { ignored: IgnoreReason } | { invalid: string[] };

interface SampleExpectation {
  scenario: string;
  detections: ExpectedDetection[];
}

const AVOID = '1.7';
const KEYS = '1.4';
const MFA = '1.5';

const finding = (
  credential: Credential,
  activity: Activity,
  outcome: Outcome,
  mfa: boolean | null,
  severity: Severity,
  severityRule: string,
  controls: string[],
  more: Partial<ExpectedFinding> = {},
): ExpectedDetection => ({
  finding: { credential, activity, outcome, mfa, severity, severityRule, controls, ...more },
});
const ignored = (reason: IgnoreReason): ExpectedDetection => ({ ignored: reason });
const notRoot = ignored('not-root-activity');
const invalid = (...paths: string[]): ExpectedDetection => ({ invalid: paths });
/** A tampering finding: critical (high when the call failed), by `credential`, on the protected `kind` `name`. */
const tampering = (
  credential: Credential,
  outcome: Outcome,
  mfa: boolean | null,
  kind: ProtectedResource['kind'],
  name: string,
  more: Partial<ExpectedFinding> = {},
): ExpectedDetection =>
  finding(
    credential,
    'detector-tampering',
    outcome,
    mfa,
    outcome === 'success' ? 'critical' : 'high',
    'detector-tampering',
    credential === 'iam-principal' ? [] : [AVOID],
    { protectedResource: { kind, name }, ...more },
  );
const TASK = (name: string) => `arn:aws:iam::aws:policy/root-task/${name}`;
const FUNCTION = 'Rootwatch-DetectorFunction8E6A1D5B-AbCdEfGh1234';

/** Every file under events/, by path, with the detections it must give in input order. */
const EXPECTED_DETECTIONS: Record<string, SampleExpectation> = {
  // Sign-in
  'sign-in/root-console-login-without-mfa.json': {
    scenario: 'a successful root sign-in without MFA is critical',
    detections: [
      finding('password', 'sign-in', 'success', false, 'critical', 'sign-in-without-mfa', [AVOID, MFA]),
    ],
  },
  'sign-in/root-console-login-with-mfa-uppercase-yes.json': {
    scenario: 'MFAUsed "YES" (upper case, as in the AWS example) counts as MFA',
    detections: [finding('password', 'sign-in', 'success', true, 'high', 'sign-in', [AVOID])],
  },
  'sign-in/root-console-login-with-mfa-current-format.json': {
    scenario: 'a current-format root sign-in with MFA is high',
    detections: [
      finding('password', 'sign-in', 'success', true, 'high', 'sign-in', [AVOID], {
        account: '444455556666',
      }),
    ],
  },
  'sign-in/root-console-login-failed.json': {
    scenario: 'a failed root sign-in is medium and does not bear on root MFA',
    detections: [finding('password', 'sign-in', 'failure', false, 'medium', 'failed-sign-in', [AVOID])],
  },
  'sign-in/root-console-login-eventbridge-2016.json': {
    scenario: 'an EventBridge copy without recipientAccountId takes the envelope account',
    detections: [
      finding('password', 'sign-in', 'success', false, 'critical', 'sign-in-without-mfa', [AVOID, MFA], {
        account: '123456789012',
        region: 'us-east-1',
      }),
    ],
  },
  'sign-in/root-console-login-eventbridge-global-region.json': {
    scenario: 'awsRegion "global" takes the envelope region',
    detections: [
      finding('password', 'sign-in', 'success', true, 'high', 'sign-in', [AVOID], {
        account: '444455556666',
        region: 'us-east-1',
      }),
    ],
  },
  'sign-in/root-console-login-mfa-not-recorded.json': {
    scenario: 'a sign-in without MFAUsed has MFA unknown (null), not false, and is high',
    detections: [finding('password', 'sign-in', 'success', null, 'high', 'sign-in', [AVOID])],
  },
  'sign-in/root-console-login-passkey-eventbridge.json': {
    scenario: 'a current (1.11) passkey sign-in in an envelope is high',
    detections: [finding('password', 'sign-in', 'success', true, 'high', 'sign-in', [AVOID])],
  },
  'sign-in/root-external-idp-directory-login-failed.json': {
    scenario: 'a sign-in event other than ConsoleLogin that failed is a failed sign-in',
    detections: [finding('password', 'sign-in', 'failure', null, 'medium', 'failed-sign-in', [AVOID])],
  },
  // Password and email
  'password/root-password-updated.json': {
    scenario: 'a root password change is a high credential change by password',
    detections: [
      finding('password', 'credential-change', 'success', null, 'high', 'credential-change', [AVOID]),
    ],
  },
  'password/root-password-update-failed.json': {
    scenario: 'a failed password change is one step lower',
    detections: [
      finding('password', 'credential-change', 'failure', null, 'medium', 'credential-change', [AVOID]),
    ],
  },
  'password/root-password-recovery-requested.json': {
    scenario: 'a root password recovery request is high',
    detections: [
      finding('password', 'password-recovery', 'success', null, 'high', 'password-recovery', [AVOID]),
    ],
  },
  'password/root-password-recovery-completed.json': {
    scenario: 'a completed root password recovery in an envelope is high',
    detections: [
      finding('password', 'password-recovery', 'success', null, 'high', 'password-recovery', [AVOID]),
    ],
  },
  'password/root-email-updated.json': {
    scenario: 'changing the root email weakens root: critical',
    detections: [
      finding(
        'password',
        'credential-change',
        'success',
        null,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID],
      ),
    ],
  },
  // Console sessions
  'console-session/root-console-session-run-instances-2021.json': {
    scenario: 'a 2021 console call is recognised by its console user agent',
    detections: [finding('console-session', 'api-call', 'success', true, 'high', 'console-session', [AVOID])],
  },
  'console-session/root-console-session-authorize-ingress-2021.json': {
    scenario: 'a 2021 console call opening SSH to the world is a high console-session finding',
    detections: [
      finding('console-session', 'api-call', 'success', true, 'high', 'console-session', [AVOID], {
        account: '444455556666',
      }),
    ],
  },
  'console-session/root-console-session-legacy-invoked-by-signin-2018.json': {
    scenario: 'invokedBy signin.amazonaws.com is a legacy console session, not an AWS service',
    detections: [
      finding('console-session', 'api-call', 'success', false, 'high', 'console-session', [AVOID, MFA], {
        accountAlias: 'example-alias',
      }),
    ],
  },
  'console-session/root-console-session-legacy-gettags-2020.json': {
    scenario: 'an anonymised account id ("xx") is kept as given',
    detections: [
      finding('console-session', 'api-call', 'success', false, 'high', 'console-session', [AVOID, MFA], {
        account: 'xx',
        region: 'us-west-1',
      }),
    ],
  },
  'console-session/root-console-session-create-user.json': {
    scenario: 'a current console call carries sessionCredentialFromConsole',
    detections: [finding('console-session', 'api-call', 'success', true, 'high', 'console-session', [AVOID])],
  },
  'console-session/root-console-session-read-only-boolean-flag.json': {
    scenario: 'a read-only console call without MFA is reported (boolean console flag accepted)',
    detections: [
      finding('console-session', 'api-call', 'success', false, 'high', 'console-session', [AVOID, MFA]),
    ],
  },
  'console-session/root-console-action-cloudshell.json': {
    scenario: 'an AwsConsoleAction is a console session even without a key',
    detections: [finding('console-session', 'api-call', 'success', null, 'high', 'console-session', [AVOID])],
  },
  'console-session/root-console-create-access-key-for-itself.json': {
    scenario: 'root creating its own access key is critical',
    detections: [
      finding(
        'console-session',
        'credential-change',
        'success',
        true,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID, KEYS],
      ),
    ],
  },
  'console-session/root-console-session-access-denied.json': {
    scenario: 'a failed console call is one step lower',
    detections: [
      finding('console-session', 'api-call', 'failure', true, 'medium', 'console-session', [AVOID]),
    ],
  },
  // Long-term access keys
  'access-key/root-access-key-put-bucket-policy.json': {
    scenario: 'any use of a long-term root key is critical',
    detections: [
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS], {
        region: 'eu-west-1',
      }),
    ],
  },
  'access-key/root-access-key-read-only-list-buckets.json': {
    scenario: 'a read-only call with a root key is critical too',
    detections: [
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS]),
    ],
  },
  'access-key/root-access-key-failed-run-instances.json': {
    scenario: 'a failed call with a root key stays critical',
    detections: [
      finding('access-key', 'api-call', 'failure', false, 'critical', 'long-term-access-key', [AVOID, KEYS], {
        region: 'ap-southeast-2',
      }),
    ],
  },
  'access-key/root-access-key-get-session-token.json': {
    scenario: 'GetSessionToken with a root key is long-term key use',
    detections: [
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS]),
    ],
  },
  'access-key/root-update-access-key-to-active.json': {
    scenario: 're-activating a root key is critical',
    detections: [
      finding(
        'console-session',
        'credential-change',
        'success',
        true,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID, KEYS],
      ),
    ],
  },
  'access-key/root-update-access-key-to-inactive.json': {
    scenario: 'deactivating a root key is a high credential change',
    detections: [
      finding('console-session', 'credential-change', 'success', true, 'high', 'credential-change', [
        AVOID,
        KEYS,
      ]),
    ],
  },
  'access-key/root-delete-access-key.json': {
    scenario: 'deleting a root key is a high credential change',
    detections: [
      finding('console-session', 'credential-change', 'success', true, 'high', 'credential-change', [
        AVOID,
        KEYS,
      ]),
    ],
  },
  // Temporary credentials
  'session-token/root-session-token-describe-instances.json': {
    scenario: 'a root ASIA key without console marker is a session token',
    detections: [
      finding('session-token', 'api-call', 'success', false, 'high', 'session-token', [AVOID, MFA], {
        region: 'us-west-2',
      }),
    ],
  },
  'session-token/root-federated-user-session.json': {
    scenario: 'a FederatedUser issued by root is a root session token',
    detections: [
      finding('session-token', 'api-call', 'success', false, 'high', 'session-token', [AVOID, MFA], {
        identityType: 'FederatedUser',
      }),
    ],
  },
  // Centralized root access
  'assumed-root/assume-root-task-delete-bucket-policy.log.json': {
    scenario:
      'an AssumeRoot call to unlock a bucket policy is a high root task and names the key; the member action becomes assumed-root, medium',
    detections: [
      finding('iam-principal', 'root-task', 'success', false, 'high', 'root-task', [], {
        account: '222222222222',
        identityType: 'AssumedRole',
        taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy',
      }),
      finding('assumed-root', 'api-call', 'success', false, 'medium', 'assumed-root', [AVOID], {
        account: '222222222222',
        region: 'us-west-2',
        taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy',
      }),
    ],
  },
  'assumed-root/assume-root-task-create-login-profile.log.json': {
    scenario:
      'a root password created in an AssumeRoot session stays critical, even before its AssumeRoot record, which is a critical root password task',
    detections: [
      finding(
        'assumed-root',
        'credential-change',
        'success',
        false,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID],
      ),
      finding('iam-principal', 'root-password-task', 'success', false, 'critical', 'root-password-task', [], {
        account: '222222222222',
        taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword',
      }),
    ],
  },
  'assumed-root/root-session-without-its-assume-root.json': {
    scenario: 'without its AssumeRoot record, the session is an ordinary root session token',
    detections: [
      finding('session-token', 'api-call', 'success', false, 'high', 'session-token', [AVOID, MFA]),
    ],
  },
  // Credential changes
  'credential-change/root-enable-mfa-device.json': {
    scenario: 'enabling root MFA in the console is a high credential change bearing on root MFA',
    detections: [
      finding('console-session', 'credential-change', 'success', false, 'high', 'credential-change', [
        AVOID,
        MFA,
      ]),
    ],
  },
  'credential-change/root-deactivate-mfa-device.json': {
    scenario: 'deactivating root MFA is critical',
    detections: [
      finding(
        'console-session',
        'credential-change',
        'success',
        true,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID, MFA],
      ),
    ],
  },
  'credential-change/root-delete-virtual-mfa-device.json': {
    scenario: 'deleting the root virtual MFA device is critical',
    detections: [
      finding(
        'console-session',
        'credential-change',
        'success',
        true,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID, MFA],
      ),
    ],
  },
  'credential-change/root-create-access-key-for-iam-user.json': {
    scenario: 'root creating a key for an IAM user is high, not a root-key finding',
    detections: [
      finding('console-session', 'credential-change', 'success', true, 'high', 'credential-change', [AVOID]),
    ],
  },
  'credential-change/root-upload-signing-certificate.json': {
    scenario: 'a root signing certificate is a high credential change',
    detections: [
      finding('console-session', 'credential-change', 'success', true, 'high', 'credential-change', [AVOID]),
    ],
  },
  // Logging changes
  'logging-change/root-stop-logging.json': {
    scenario: 'root stopping CloudTrail is critical',
    detections: [
      finding('console-session', 'logging-change', 'success', true, 'critical', 'logging-change', [AVOID]),
    ],
  },
  'logging-change/root-delete-trail-failed.json': {
    scenario: 'a failed DeleteTrail is one step lower than critical',
    detections: [
      finding('session-token', 'logging-change', 'failure', false, 'high', 'logging-change', [AVOID, MFA]),
    ],
  },
  'logging-change/root-delete-eventbridge-rule.json': {
    scenario: 'deleting an EventBridge rule blinds the detector: critical',
    detections: [
      finding('console-session', 'logging-change', 'success', true, 'critical', 'logging-change', [AVOID]),
    ],
  },
  'logging-change/root-put-retention-policy.json': {
    scenario: 'shortening log retention is critical',
    detections: [
      finding('console-session', 'logging-change', 'success', true, 'critical', 'logging-change', [AVOID]),
    ],
  },
  'logging-change/root-leave-organization.json': {
    scenario: 'leaving the organisation is critical',
    detections: [
      finding('console-session', 'logging-change', 'success', true, 'critical', 'logging-change', [AVOID]),
    ],
  },
  // AWS services
  'aws-service/root-identity-invoked-by-elb.json': {
    scenario: 'an AWS service acting with the root identity is info, even when its call failed',
    detections: [
      finding('aws-service', 'api-call', 'failure', null, 'info', 'aws-service', [], {
        account: '123456789012',
      }),
    ],
  },
  'aws-service/aws-service-event-kms-rotate-key.json': {
    scenario: 'a service event without identity type is not root activity',
    detections: [notRoot],
  },
  'aws-service/root-typed-aws-service-event.json': {
    scenario: 'an AwsServiceEvent carrying type Root gives no finding',
    detections: [ignored('aws-service-event')],
  },
  'unknown-credential/root-activity-without-credential-details.json': {
    scenario: 'a root call whose record names no credential is labelled unknown, never dropped',
    detections: [finding('unknown', 'api-call', 'success', null, 'high', 'unknown-credential', [AVOID])],
  },
  // Log files and exports
  'log-files/mixed-root-and-non-root.log.json': {
    scenario: 'a log file mixing root and non-root records gives findings for the root ones only',
    detections: [
      notRoot,
      notRoot,
      finding('password', 'sign-in', 'success', false, 'critical', 'sign-in-without-mfa', [AVOID, MFA]),
      notRoot,
      finding('console-session', 'api-call', 'success', false, 'high', 'console-session', [AVOID, MFA]),
      notRoot,
    ],
  },
  'log-files/organisation-trail-shared-event.log.json.gz': {
    scenario: 'the copy of an event delivered to another account carries the same sharedEventId',
    detections: [
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS], {
        recipientAccountId: '111122223333',
        sharedEventId: 'e0290d3e-ff58-53e2-8cea-685dc5c21476',
      }),
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS], {
        account: '111122223333',
        recipientAccountId: '444455556666',
        sharedEventId: 'e0290d3e-ff58-53e2-8cea-685dc5c21476',
      }),
      notRoot,
    ],
  },
  'log-files/cloudtrail-lake-export.jsonl': {
    scenario: 'JSON Lines exports are read line by line',
    detections: [
      notRoot,
      finding('session-token', 'api-call', 'success', false, 'high', 'session-token', [AVOID, MFA]),
      finding('access-key', 'api-call', 'success', false, 'critical', 'long-term-access-key', [AVOID, KEYS]),
    ],
  },
  // Invalid input: reported with its paths, recorded, never a crash
  'invalid/root-console-login-placeholder-fields.json': {
    scenario: 'placeholder values ("...") are invalid input, named field by field',
    detections: [invalid('detail.eventVersion', 'detail.eventTime')],
  },
  'invalid/root-access-key-call-without-event-time.json': {
    scenario: 'a root call without eventTime is invalid input',
    detections: [invalid('eventTime')],
  },
  // Negatives
  'negatives/iam-user-console-login-without-mfa.json': {
    scenario: 'an IAM user signing in without MFA is not root',
    detections: [notRoot],
  },
  'negatives/assumed-role-console-login-global-region.json': {
    scenario: 'a role sign-in is not root',
    detections: [notRoot],
  },
  'negatives/iam-user-put-bucket-policy.json': {
    scenario: 'an IAM user key is not root',
    detections: [notRoot],
  },
  'negatives/assumed-role-describe-instances.json': {
    scenario: 'an instance role is not root',
    detections: [notRoot],
  },
  'negatives/aws-service-principal-put-object.json': {
    scenario: 'an AWSService identity is not root',
    detections: [notRoot],
  },
  // Tampering by anyone, detected with the protected resources of config/deployed-detector-config.example.json
  'tampering/iam-user-disable-root-activity-rule.json': {
    scenario: "an IAM user disabling the detector's root-activity rule is critical",
    detections: [
      tampering(
        'iam-principal',
        'success',
        null,
        'eventRules',
        'Rootwatch-DetectorRule4B4F0E9C-1A2B3C4D5E6F',
        {
          identityType: 'IAMUser',
        },
      ),
    ],
  },
  'tampering/assumed-role-remove-forwarder-rule-targets.json': {
    scenario: "removing the targets of a member account's forwarder rule is critical, in that account",
    detections: [
      tampering('iam-principal', 'success', false, 'eventRules', 'rootwatch-forward-root-activity', {
        account: '444455556666',
        region: 'us-west-2',
      }),
    ],
  },
  'tampering/assumed-role-remove-ingest-bus-permission.json': {
    scenario: "removing the organisation's permission on the ingest bus is critical",
    detections: [tampering('iam-principal', 'success', false, 'eventBuses', 'rootwatch-ingest')],
  },
  'tampering/assumed-role-delete-detector-function.json': {
    scenario: 'deleting the detector function, named by its ARN, is critical',
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'functions',
        `arn:aws:lambda:us-east-1:111122223333:function:${FUNCTION}`,
      ),
    ],
  },
  'tampering/assumed-role-put-detector-function-concurrency-zero.json': {
    scenario: "setting the detector's reserved concurrency to 0 (it stops running) is critical",
    detections: [tampering('iam-principal', 'success', false, 'functions', FUNCTION)],
  },
  'tampering/iam-user-schedule-detector-key-deletion.json': {
    scenario: "scheduling the deletion of the detector's key, named by its id, is critical",
    detections: [
      tampering('iam-principal', 'success', null, 'kmsKeys', '1234abcd-12ab-34cd-56ef-1234567890ab'),
    ],
  },
  'tampering/assumed-role-unsubscribe-alert-topic.json': {
    scenario: 'unsubscribing an endpoint from the alert topic is critical',
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'snsTopics',
        'arn:aws:sns:us-east-1:111122223333:Rootwatch-DetectorAlertsTopic1A2B3C4D-AbCdEf123456:0b6941c4-f150-4cbc-9f8f-1c9c8a2b3d4e',
      ),
    ],
  },
  'tampering/assumed-role-shorten-record-retention.json': {
    scenario: 'shortening the retention of the record log group to a day is critical',
    detections: [tampering('iam-principal', 'success', false, 'logGroups', '/rootwatch/records')],
  },
  'tampering/assumed-role-delete-forwarder-stack-instances.json': {
    scenario: "deleting the forwarder StackSet's instances from the management account is critical",
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'stackSets',
        'rootwatch-forwarder:6d3f1c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f',
        { account: '999988887777' },
      ),
    ],
  },
  'tampering/assumed-role-delete-forwarder-stack.json': {
    scenario: "deleting a member account's forwarder stack, named by its stack id, is critical",
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'stacks',
        'arn:aws:cloudformation:eu-west-1:444455556666:stack/StackSet-rootwatch-forwarder-2f9e8d7c-6b5a-4c3d-9e1f-0a2b4c6d8e0f/7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d',
        { account: '444455556666' },
      ),
    ],
  },
  'tampering/assumed-role-stop-logging-organisation-trail.json': {
    scenario: 'stopping the organisation trail, named by its ARN, is critical',
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'trails',
        'arn:aws:cloudtrail:us-east-1:999988887777:trail/organisation-trail',
      ),
    ],
  },
  'tampering/assumed-role-disable-guardduty-detector.json': {
    scenario: 'disabling a GuardDuty detector (enable: false) is critical when GuardDuty is protected',
    detections: [
      tampering('iam-principal', 'success', false, 'guardDutyDetectors', '12abc34d567e8fa901bc2d34eexample'),
    ],
  },
  'tampering/assumed-role-update-guardduty-publishing-frequency.json': {
    scenario: 'changing how often GuardDuty publishes, without disabling it, is not tampering',
    detections: [notRoot],
  },
  'tampering/iam-user-stop-config-recorder.json': {
    scenario: 'stopping the protected Config recorder is critical',
    detections: [tampering('iam-principal', 'success', null, 'configRecorders', 'default')],
  },
  'tampering/assumed-role-disable-tampering-rule.json': {
    scenario: 'disabling the tampering rule itself is critical (its watch rule delivers it)',
    detections: [tampering('iam-principal', 'success', false, 'eventRules', 'rootwatch-tampering')],
  },
  'tampering/root-delete-record-log-group-denied.json': {
    scenario: 'root trying to delete the record log group, denied by an SCP, is still high tampering',
    detections: [tampering('console-session', 'failure', true, 'logGroups', '/rootwatch/records')],
  },
  'tampering/deployment-updates-detector-function.json': {
    scenario:
      'a CloudFormation deployment changing the detector function is tampering too: suppress planned deployments with a window',
    detections: [tampering('iam-principal', 'success', false, 'functions', FUNCTION)],
  },
  'tampering/assumed-role-delete-posture-audit-schedule.json': {
    scenario: "deleting the posture audit's schedule is critical",
    detections: [
      tampering(
        'iam-principal',
        'success',
        false,
        'schedules',
        'Rootwatch-PostureAuditSchedule1A2B3C4D-EXAMPLE12345',
      ),
    ],
  },
  'tampering/assumed-role-disable-unrelated-rule.json': {
    scenario: "disabling a rule that is not rootwatch's is not tampering",
    detections: [notRoot],
  },
  'tampering/assumed-role-delete-lookalike-function.json': {
    scenario: "a function whose name only starts like the detector's is not rootwatch's",
    detections: [notRoot],
  },
  // Paths to a member's root that no root identity takes
  'takeover/organization-start-member-primary-email-update.json': {
    scenario: "the organisation starting to change a member's root email is critical, about the member",
    detections: [
      finding(
        'iam-principal',
        'member-root-email-change',
        'success',
        false,
        'critical',
        'member-root-email-change',
        [],
        { account: '222222222222', recipientAccountId: '999988887777' },
      ),
    ],
  },
  'takeover/organization-accept-member-primary-email-update.json': {
    scenario: "the organisation completing a member's root email change is critical",
    detections: [
      finding(
        'iam-principal',
        'member-root-email-change',
        'success',
        false,
        'critical',
        'member-root-email-change',
        [],
        { account: '222222222222' },
      ),
    ],
  },
  'takeover/delegated-admin-start-member-primary-email-update-denied.json': {
    scenario: "a denied attempt to change a member's root email is one step lower: high",
    detections: [
      finding(
        'iam-principal',
        'member-root-email-change',
        'failure',
        false,
        'high',
        'member-root-email-change',
        [],
        { account: '222222222222' },
      ),
    ],
  },
  'takeover/assume-root-audit-root-credentials.json': {
    scenario: 'an AssumeRoot task that only audits root credentials is low',
    detections: [
      finding('iam-principal', 'root-task', 'success', false, 'low', 'root-audit-task', [], {
        account: '222222222222',
        taskPolicyArn: TASK('IAMAuditRootUserCredentials'),
      }),
    ],
  },
  'takeover/assume-root-delete-root-credentials.json': {
    scenario: 'an AssumeRoot task that deletes root credentials is high',
    detections: [
      finding('iam-principal', 'root-task', 'success', false, 'high', 'root-task', [], {
        taskPolicyArn: TASK('IAMDeleteRootUserCredentials'),
      }),
    ],
  },
  'takeover/assume-root-unlock-queue-policy.json': {
    scenario: 'an AssumeRoot task that unlocks a queue policy is high, in the Region of the call',
    detections: [
      finding('iam-principal', 'root-task', 'success', false, 'high', 'root-task', [], {
        region: 'eu-west-1',
        taskPolicyArn: TASK('SQSUnlockQueuePolicy'),
      }),
    ],
  },
  'takeover/assume-root-create-root-password-denied.json': {
    scenario: 'a denied AssumeRoot for a root password is high (critical, one step lower)',
    detections: [
      finding('iam-principal', 'root-password-task', 'failure', false, 'high', 'root-password-task', [], {
        taskPolicyArn: TASK('IAMCreateRootUserPassword'),
      }),
    ],
  },
  'takeover/assume-root-recover-member-root-password.log.json': {
    scenario:
      "re-creating a member's root password: the AssumeRoot call and the password it creates are both critical (unless sanctioned)",
    detections: [
      finding('iam-principal', 'root-password-task', 'success', false, 'critical', 'root-password-task', [], {
        account: '222222222222',
      }),
      finding(
        'assumed-root',
        'credential-change',
        'success',
        false,
        'critical',
        'root-credential-created-or-weakened',
        [AVOID],
        { taskPolicyArn: TASK('IAMCreateRootUserPassword') },
      ),
    ],
  },
  // Forwarder liveness (schemas/liveness-event.ts): not CloudTrail, so invalid to the detector (its
  // detail is no record) and never a finding; the handler hears them before any detection and records
  // them as heard or refused (test/handlers/liveness-samples.test.ts)
  'liveness/forwarder-liveness-member-eu-west-1.json': {
    scenario: "a member forwarder's liveness event is not CloudTrail",
    detections: [invalid('detail')],
  },
  'liveness/forwarder-liveness-security-account-us-east-1.json': {
    scenario: "the security account's own liveness event is not CloudTrail",
    detections: [invalid('detail')],
  },
  'liveness/liveness-spoof-schedule-of-another-account.json': {
    scenario: "a liveness event naming another account's schedule is not CloudTrail",
    detections: [invalid('detail')],
  },
  'liveness/liveness-spoof-claims-another-place-in-detail.json': {
    scenario: 'a liveness event claiming another place in its detail is not CloudTrail',
    detections: [invalid('detail')],
  },
  'liveness/liveness-spoof-time-ahead.json': {
    scenario: 'a liveness event dated far ahead is not CloudTrail',
    detections: [invalid('detail')],
  },
  'liveness/liveness-spoof-without-schedule.json': {
    scenario: 'a liveness event without its schedule is not CloudTrail',
    detections: [invalid('detail')],
  },
};

export { EXPECTED_DETECTIONS };
export type { ExpectedDetection, ExpectedFinding, SampleExpectation };
