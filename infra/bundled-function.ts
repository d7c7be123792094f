import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BUNDLE_HANDLER } from './lambda-bundle.ts';

interface BundledFunctionProps {
  readonly description: string;
  /** Code `npm run build` wrote (lambda-bundle.ts): ESM, exporting `handler`. */
  readonly code: lambda.Code;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Its role (see `functionRole`), which the caller grants what the function needs: nothing is added here. */
  readonly role: iam.IRole;
  /** Its own log group. */
  readonly logGroup: logs.ILogGroup;
  readonly environment: Record<string, string>;
  /** Where an asynchronous invocation that failed every retry is kept; the role must be able to send there. */
  readonly deadLetterQueue: sqs.IQueue;
  /**
   * Lambda's retries of a failed asynchronous invocation, within 6 hours.
   * @default 2
   */
  readonly retryAttempts?: number;
}

/** The Lambda runtime of every rootwatch function: the one the bundles target (build/lambda-bundles.ts). */
const BUNDLE_RUNTIME = lambda.Runtime.NODEJS_22_X;

/**
 * The execution role of a rootwatch function: assumed by Lambda, with no policy until the caller
 * grants one statement by statement (no managed policy: the function writes only to the log groups
 * it is granted).
 */
const functionRole = (scope: Construct, id: string, description: string): iam.Role =>
  new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });

/**
 * A rootwatch function: a bundle of `npm run build` on `nodejs22.x`, the runtime the bundles are
 * built for (esbuild target node22) and tested on, arm64, with its own log group and role, and
 * asynchronous invocations that fail every retry kept in the dead-letter queue.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
const bundledFunction = (scope: Construct, id: string, props: BundledFunctionProps): lambda.Function => {
  const fn = new lambda.Function(scope, id, {
    description: props.description,
    runtime: BUNDLE_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    handler: BUNDLE_HANDLER,
    code: props.code,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role: props.role,
    logGroup: props.logGroup,
    environment: props.environment,
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'The runtime is pinned to nodejs22.x, the Node.js version the bundles are compiled for (esbuild target node22) and tested on; a newer runtime is adopted by moving the build target, the runtime and the tests together, not by the latest-runtime default.',
  });
  fn.configureAsyncInvoke({
    retryAttempts: props.retryAttempts ?? 2,
    maxEventAge: Duration.hours(6),
    // The role's own statement grants the send (dead-letter-grants.ts); a destination object that
    // grants nothing keeps CDK from adding its wider default grant (kms:ReEncrypt*, kms:GenerateDataKey*).
    onFailure: { bind: () => ({ destination: props.deadLetterQueue.queueArn }) },
  });
  return fn;
};

export { BUNDLE_RUNTIME, bundledFunction, functionRole };
export type { BundledFunctionProps };
