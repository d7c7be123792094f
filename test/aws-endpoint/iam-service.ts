import { ServiceError } from './service-error.ts';

interface IamAccount {
  /** The credential report CSV the account would generate. */
  credentialReport: string;
  virtualMfaDevices: { SerialNumber: string; User?: { Arn: string } }[];
  /**
   * Set in the management or IAM delegated-administrator account only; `no-organization` answers
   * OrganizationNotFoundException, as IAM does for an account in no organisation.
   */
  organizationFeatures?: string[] | 'no-organization';
  /** GetCredentialReport calls answered "in progress" after a GenerateCredentialReport. */
  reportDelayCalls?: number;
  /** Whether root has a password (GetLoginProfile without a user name, in an AssumeRoot session). */
  rootLoginProfile?: boolean;
}

/**
 * IAM, as far as the posture audit uses it: GenerateCredentialReport (STARTED then COMPLETE),
 * GetCredentialReport (ReportNotPresent before generation, ReportInProgress while generating),
 * ListVirtualMFADevices, ListOrganizationsFeatures. Each account is its own IAM.
 */
class IamService {
  readonly accounts = new Map<string, IamAccount>();
  readonly #generated = new Map<string, { at: string; pending: number }>();
  /** The clock that stamps a generated report (tests set it, so a report's age never depends on today). */
  now: () => Date = () => new Date();

  handle(account: string, action: string, params: URLSearchParams): unknown {
    const iam = this.accounts.get(account);
    if (!iam) throw new ServiceError('AccessDenied', `no IAM set up for account ${account}`, 403);
    switch (action) {
      case 'GenerateCredentialReport': {
        const started = !this.#generated.has(account);
        if (started)
          this.#generated.set(account, {
            at: this.now()
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
            pending: iam.reportDelayCalls ?? 0,
          });
        return {
          State: started ? 'STARTED' : 'COMPLETE',
          Description: started
            ? 'No report exists. Starting a new report generation task'
            : 'Report is ready',
        };
      }
      case 'GetCredentialReport': {
        const generated = this.#generated.get(account);
        if (!generated) throw new ServiceError('ReportNotPresent', 'Credential report not present', 410);
        if (generated.pending > 0) {
          generated.pending -= 1;
          throw new ServiceError('ReportInProgress', 'Credential report is being generated', 404);
        }
        return {
          Content: Buffer.from(iam.credentialReport).toString('base64'),
          ReportFormat: 'text/csv',
          GeneratedTime: generated.at,
        };
      }
      case 'ListVirtualMFADevices': {
        const status = params.get('AssignmentStatus') ?? 'Any';
        const devices = iam.virtualMfaDevices.filter(
          (device) => status === 'Any' || (status === 'Assigned') === Boolean(device.User),
        );
        return { VirtualMFADevices: devices, IsTruncated: false };
      }
      case 'GetLoginProfile':
        if (params.get('UserName'))
          throw new ServiceError('InvalidAction', 'only the root login profile is modelled here');
        if (!iam.rootLoginProfile)
          throw new ServiceError('NoSuchEntity', 'Login Profile for root cannot be found.', 404);
        return { LoginProfile: { CreateDate: '2020-01-01T00:00:00Z', PasswordResetRequired: false } };
      case 'ListOrganizationsFeatures':
        if (iam.organizationFeatures === 'no-organization') {
          throw new ServiceError(
            'OrganizationNotFoundException',
            'no organization is associated with your account',
            400,
          );
        }
        if (!iam.organizationFeatures) {
          throw new ServiceError(
            'AccountNotManagementOrDelegatedAdministratorException',
            'not the management or delegated administrator account',
            400,
          );
        }
        return { OrganizationId: 'o-exampleorgid', EnabledFeatures: iam.organizationFeatures };
      default:
        throw new ServiceError('InvalidAction', `IAM action ${action} is not implemented here`);
    }
  }
}

export { IamService };
export type { IamAccount };
