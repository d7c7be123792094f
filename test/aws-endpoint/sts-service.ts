import { ServiceError } from './service-error.ts';

const credentialsFor = (account: string) => ({
  AccessKeyId: `ASIALOCAL${account}`,
  SecretAccessKey: 'local-session-secret',
  SessionToken: `local-session-token-${account}`,
  Expiration: new Date(Date.now() + 900_000).toISOString(),
});

/**
 * STS GetCallerIdentity, AssumeRole and AssumeRoot: temporary credentials whose access key names the target account, so
 * that the IAM of the local endpoint answers for that account. Only roles listed in `assumable`, and
 * member accounts listed in `rootTargets` (with a root-task policy), can be assumed; the endpoint does
 * not evaluate trust policies (the CDK tests check those).
 */
class StsService {
  readonly assumable = new Set<string>();
  readonly rootTargets = new Set<string>();

  /** `caller`: the account of the signing key, which GetCallerIdentity names. */
  handle(action: string, params: URLSearchParams, caller = '111122223333'): unknown {
    if (action === 'AssumeRoot') return this.#assumeRoot(params);
    if (action === 'GetCallerIdentity')
      return { Account: caller, Arn: `arn:aws:iam::${caller}:user/local`, UserId: 'AIDALOCAL' };
    if (action !== 'AssumeRole')
      throw new ServiceError('InvalidAction', `STS action ${action} is not implemented here`);
    const roleArn = params.get('RoleArn') ?? '';
    const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
    if (!account || !this.assumable.has(roleArn)) {
      throw new ServiceError('AccessDenied', `not authorized to assume ${roleArn}`, 403);
    }
    const session = params.get('RoleSessionName') ?? 'session';
    return {
      Credentials: credentialsFor(account),
      AssumedRoleUser: {
        AssumedRoleId: `AROALOCAL:${session}`,
        Arn: `${roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/${session}`,
      },
    };
  }

  #assumeRoot(params: URLSearchParams): unknown {
    const target = params.get('TargetPrincipal') ?? '';
    const task = params.get('TaskPolicyArn.arn') ?? '';
    if (!this.rootTargets.has(target) || !task.startsWith('arn:aws:iam::aws:policy/root-task/')) {
      throw new ServiceError('AccessDenied', `not authorized to assume root in ${target}`, 403);
    }
    return { Credentials: credentialsFor(target), SourceIdentity: 'rootwatch' };
  }
}

/** The account a local access key acts in: its assumed session's account, else the endpoint's home account. */
const accountOfKey = (accessKeyId: string | undefined, home: string): string =>
  /^ASIALOCAL(\d{12})$/.exec(accessKeyId ?? '')?.[1] ?? home;

export { StsService, accountOfKey };
