import type { AsffFinding, AsffSeverityLabel } from '../../schemas/asff-finding.ts';
import type { Finding } from '../../schemas/finding.ts';
import { runbookFor } from '../notifications/runbook-for.ts';
import { serviceOf } from '../../detection/record-fields.ts';
import { kindEntry } from '../catalogue.ts';
import { cloudTrailEventUrl, ipVersionOf, partitionOf } from './aws-places.ts';
import { findingKind } from '../finding-kind.ts';
import { PRODUCT } from './product.ts';

interface AsffOptions {
  /**
   * The account whose Security Hub imports the finding. With the default product ARN (a custom
   * integration), `BatchImportFindings` accepts only findings whose `AwsAccountId` is the caller's
   * own account, so this is also `AwsAccountId`; the account the finding is about is its resource.
   * @default the finding's own account
   */
  productAccount?: string;
  /** The Region of that Security Hub. @default the finding's own Region */
  productRegion?: string;
  /**
   * When this version of the finding was made, for an update of a finding already imported (Security
   * Hub keeps the version with the latest `UpdatedAt`). @default the event time
   */
  updatedAt?: string;
}

const LABELS: Record<Finding['severity'], AsffSeverityLabel> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
const iso = (time: string): string => new Date(time).toISOString();

/**
 * `arn:<partition>:securityhub:<region>:<account>:product/<account>/default`, the product of a
 * custom integration.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-custom-providers.html
 */
const customProductArn = (account: string, region: string): string =>
  `arn:${partitionOf(region)}:securityhub:${region}:${account}:product/${account}/default`;

/** Types: the ATT&CK tactic the finding is evidence of, and always unusual user behaviour (root use). */
const typesOf = (finding: Finding): string[] => {
  const { attack } = kindEntry(findingKind(finding));
  return [...(attack ? [`TTPs/${attack.tactic.name}`] : []), 'Unusual Behaviors/User'];
};

const productFields = (finding: Finding): Record<string, string> => {
  const fields: Record<string, string | undefined> = {
    ProviderName: PRODUCT.name,
    ProviderVersion: PRODUCT.version,
    'rootwatch/eventId': finding.eventId,
    'rootwatch/account': finding.account,
    'rootwatch/accountAlias': finding.accountAlias,
    'rootwatch/region': finding.region,
    'rootwatch/event': `${serviceOf(finding.eventSource)}:${finding.eventName}`,
    'rootwatch/credential': finding.credential,
    'rootwatch/activity': finding.activity,
    'rootwatch/outcome': finding.outcome,
    'rootwatch/mfa': finding.mfa === null ? 'not recorded' : String(finding.mfa),
    'rootwatch/severityRule': finding.severityRule,
    'rootwatch/sourceIp': finding.sourceIp ?? undefined,
    'rootwatch/userAgent': finding.userAgent === null ? undefined : clip(finding.userAgent, 2048),
    'rootwatch/accessKeyId': finding.accessKeyId,
    'rootwatch/controls': finding.controls.map((c) => `CIS ${c.version} ${c.id}`).join(', ') || undefined,
    'rootwatch/assumeRootCaller': finding.assumedRoot?.callerArn,
    'rootwatch/incidentId': finding.incident?.id,
    'rootwatch/incidentFindings': finding.incident && String(finding.incident.count),
    'rootwatch/lateDetectionAt': finding.lateDetection?.detectedAt,
    'rootwatch/lateDetectionObject': finding.lateDetection && clip(finding.lateDetection.object, 2048),
  };
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
};

/**
 * A finding in the AWS Security Finding Format, for `BatchImportFindings` through the custom
 * integration's default product: every required attribute (`Id` from the event id, so an import is
 * idempotent; `GeneratorId` `rootwatch/<severityRule>`; `Types` under `TTPs/<tactic>` and
 * `Unusual Behaviors/User`; the account, and the long-term key when one was used, as `Resources`),
 * the provider's own severity and types, the API call, the CloudTrail console link, the first
 * containment step of the runbook, and rootwatch's fields in `ProductFields`. A suppressed finding
 * is created with workflow status `SUPPRESSED` and the rule in its note.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html
 */
const toAsffFinding = (finding: Finding, options: AsffOptions = {}): AsffFinding => {
  const productAccount = options.productAccount ?? finding.account;
  const productRegion = options.productRegion ?? finding.region;
  const partition = partitionOf(finding.region);
  const createdAt = iso(finding.time);
  const updatedAt = options.updatedAt ? iso(options.updatedAt) : createdAt;
  const severity = { Label: LABELS[finding.severity], Original: finding.severity };
  const types = typesOf(finding);
  const runbook = runbookFor(finding);
  const ipVersion = ipVersionOf(finding.sourceIp);
  const { incident, suppression } = finding;
  return {
    SchemaVersion: '2018-10-08',
    Id: `rootwatch/${finding.eventId}`,
    ProductArn: customProductArn(productAccount, productRegion),
    ProductName: 'rootwatch',
    CompanyName: 'rootwatch',
    GeneratorId: `rootwatch/${finding.severityRule}`,
    AwsAccountId: productAccount,
    Types: types,
    CreatedAt: createdAt,
    UpdatedAt: updatedAt,
    FirstObservedAt: incident ? iso(incident.firstSeen) : createdAt,
    LastObservedAt: incident ? iso(incident.lastSeen) : createdAt,
    Severity: severity,
    FindingProviderFields: { Severity: severity, Types: types },
    Title: clip(finding.title, 256),
    Description: clip(finding.summary, 1024),
    SourceUrl: cloudTrailEventUrl(finding),
    ...(runbook.contain[0] && {
      Remediation: {
        Recommendation: {
          Text: clip(runbook.contain[0], 512),
          Url: runbook.references[0]?.url,
        },
      },
    }),
    Action: {
      ActionType: 'AWS_API_CALL',
      AwsApiCallAction: {
        Api: finding.eventName,
        ServiceName: finding.eventSource,
        CallerType: ipVersion ? 'remoteip' : 'domain',
        ...(ipVersion === 4 && { RemoteIpDetails: { IpAddressV4: finding.sourceIp } }),
        FirstSeen: createdAt,
        LastSeen: createdAt,
      },
    },
    ProductFields: productFields(finding),
    Resources: [
      {
        Type: 'AwsAccount',
        Id: `AWS::::Account:${finding.account}`,
        Partition: partition,
        Region: finding.region,
      },
      ...(finding.credential === 'access-key' && finding.accessKeyId
        ? [{ Type: 'AwsIamAccessKey', Id: finding.accessKeyId, Partition: partition, Region: finding.region }]
        : []),
    ],
    RecordState: 'ACTIVE',
    ...(suppression && {
      Workflow: { Status: 'SUPPRESSED' },
      Note: {
        Text: clip(
          `Suppressed by ${suppression.ruleId} until ${suppression.expires}: ${suppression.reason}`,
          512,
        ),
        UpdatedBy: 'rootwatch',
        UpdatedAt: updatedAt,
      },
    }),
  };
};

export { toAsffFinding, customProductArn };
export type { AsffOptions };
