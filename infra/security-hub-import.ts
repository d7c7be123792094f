import { Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_DETAIL_TYPES } from '../schemas/alert-event.ts';
import { HANDLER_ENV } from '../schemas/handler-config.ts';
import { AlertBusFunction } from './alert-bus-function.ts';

interface SecurityHubImportProps {
  readonly code: lambda.Code;
  readonly alertBus: events.IEventBus;
  readonly key: kms.IKey;
  readonly deadLetterQueue: sqs.IQueue;
  readonly logGroupName: string;
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: string;
}

/**
 * Findings from the alert bus into Security Hub (`BatchImportFindings`, ASFF), through the custom
 * integration's default product of this account and Region,
 * `arn:aws:securityhub:<region>:<account>:product/<account>/default`: the role may import there and
 * nowhere else. Security Hub must be enabled in this account and Region.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-custom-providers.html
 */
class SecurityHubImport extends Construct {
  readonly function: lambda.Function;
  readonly rule: events.Rule;
  /** The product the findings are imported through. */
  readonly productArn: string;

  constructor(scope: Construct, id: string, props: SecurityHubImportProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.productArn = stack.formatArn({
      service: 'securityhub',
      resource: 'product',
      resourceName: `${stack.account}/default`,
    });
    const importer = new AlertBusFunction(this, 'Importer', {
      description: 'imports findings into Security Hub in ASFF',
      code: props.code,
      memorySize: 256,
      environment: { [HANDLER_ENV.logLevel]: props.logLevel },
      logGroupName: props.logGroupName,
      logRetention: props.logRetention,
      key: props.key,
      alertBus: props.alertBus,
      detailTypes: [ALERT_DETAIL_TYPES.finding],
      deadLetterQueue: props.deadLetterQueue,
      statements: [
        new iam.PolicyStatement({
          sid: 'ImportFindings',
          actions: ['securityhub:BatchImportFindings'],
          resources: [this.productArn],
        }),
      ],
    });
    this.function = importer.function;
    this.rule = importer.rule;
  }
}

export { SecurityHubImport };
export type { SecurityHubImportProps };
