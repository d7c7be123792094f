import { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

interface RecordLogProps {
  readonly logGroupName: string;
  readonly retention: logs.RetentionDays;
  readonly key: kms.IKey;
  /** Prefix of the saved queries' names, which the console shows as a folder. */
  readonly queryFolder: string;
}

/**
 * The Logs Insights questions a SOC asks first, over the records the function writes (one JSON event
 * per delivered event; findings as `{"kind":"finding","finding":{…}}`, fields as in docs/finding-and-formats.md, "The
 * finding contract"). A saved query keeps no time range: choose it when running (e.g. the last 7 days).
 * JSON booleans read as 1 and 0 in Logs Insights; `sign-in-without-mfa` also catches the sign-ins the
 * severity policy flagged, whatever the field's encoding.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html
 */
const SAVED_QUERIES: Record<string, logs.QueryStringProps> = {
  'Root activity by account': {
    filterStatements: ['kind = "finding"'],
    statsStatements: [
      'count(*) as findings, count_distinct(finding.eventName) as actions, earliest(finding.time) as first, latest(finding.time) as last by finding.account, finding.severity',
    ],
    sort: 'findings desc',
  },
  'Root sign-ins without MFA': {
    filterStatements: [
      'kind = "finding" and finding.activity = "sign-in"',
      '(finding.mfa = 0 or finding.severityRule = "sign-in-without-mfa")',
    ],
    sort: 'finding.time desc',
    display:
      'finding.time, finding.account, finding.outcome, finding.sourceIp, finding.userAgent, finding.eventId',
  },
  'Root long-term access key use': {
    filterStatements: ['kind = "finding" and finding.credential = "access-key"'],
    statsStatements: [
      'count(*) as uses, earliest(finding.time) as first, latest(finding.time) as last by finding.account, finding.accessKeyId',
    ],
    sort: 'uses desc',
  },
  'Root activity timeline (run over the last 7 days)': {
    filterStatements: ['kind = "finding"'],
    sort: 'finding.time desc',
    display:
      'finding.time, finding.severity, finding.account, finding.credential, finding.activity, finding.title, finding.eventId',
  },
  'Delivered events that failed validation': {
    filterStatements: ['kind = "invalid-event"'],
    sort: '@timestamp desc',
  },
};

/**
 * Where every delivered event leaves a trace: the record log group, encrypted with the customer
 * managed key and kept (also when the stack is deleted: these are the evidence), with saved queries.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_Insights-Saving-Queries.html
 */
class RecordLog extends Construct {
  readonly logGroup: logs.LogGroup;
  readonly queries: logs.QueryDefinition[];

  constructor(scope: Construct, id: string, props: RecordLogProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: props.logGroupName,
      retention: props.retention,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.queries = Object.entries(SAVED_QUERIES).map(
      ([name, query], index) =>
        new logs.QueryDefinition(this, `Query${index}`, {
          queryDefinitionName: `${props.queryFolder}/${name}`,
          queryString: new logs.QueryString(query),
          logGroups: [this.logGroup],
        }),
    );
  }
}

export { RecordLog, SAVED_QUERIES };
export type { RecordLogProps };
