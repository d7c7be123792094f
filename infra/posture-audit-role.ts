import { Aws, CfnCondition, Fn, Validations } from 'aws-cdk-lib';
import type { CfnResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The role name the posture audit assumes in member accounts (`ROOTWATCH_AUDIT_ROLE_NAME`'s default). */
const POSTURE_AUDIT_ROLE_NAME = 'RootwatchPostureAudit';

interface PostureAuditRoleProps {
  /** The posture audit function's role in the security account (Rootwatch output PostureAuditRoleArn); empty: no role. */
  readonly trustedRoleArn: string;
  /** IAM is global: the forwarder stack runs in every Region, the role is made in this one only. */
  readonly region: string;
}

/**
 * The read-only role that lets the security account's posture audit read this account's root
 * posture: generate and read the IAM credential report and list virtual MFA devices, nothing else.
 * Trusted by the audit function's role only.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
class PostureAuditRole extends Construct {
  readonly role: iam.Role;
  readonly created: CfnCondition;

  constructor(scope: Construct, id: string, props: PostureAuditRoleProps) {
    super(scope, id);
    this.created = new CfnCondition(this, 'Created', {
      expression: Fn.conditionAnd(
        Fn.conditionNot(Fn.conditionEquals(props.trustedRoleArn, '')),
        Fn.conditionEquals(Aws.REGION, props.region),
      ),
    });
    this.role = new iam.Role(this, 'Role', {
      roleName: POSTURE_AUDIT_ROLE_NAME,
      assumedBy: new iam.ArnPrincipal(props.trustedRoleArn),
      description: 'rootwatch posture audit: reads this account credential report and virtual MFA devices',
      inlinePolicies: {
        ReadRootPosture: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: [
                'iam:GenerateCredentialReport',
                'iam:GetCredentialReport',
                'iam:ListVirtualMFADevices',
              ],
              resources: ['*'],
            }),
          ],
        }),
      },
    });
    (this.role.node.defaultChild as CfnResource).cfnOptions.condition = this.created;
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'iam:GenerateCredentialReport, iam:GetCredentialReport and iam:ListVirtualMFADevices support no resource type: "*" is their only resource (Service Authorization Reference, IAM).',
    });
  }
}

export { PostureAuditRole, POSTURE_AUDIT_ROLE_NAME };
export type { PostureAuditRoleProps };
