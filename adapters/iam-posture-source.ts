import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import type { IAMClientConfig } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRootCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import type { RootPostureFacts, VirtualMfaDevice } from '../schemas/root-posture-facts.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, sleep, withRetries } from './retry.ts';

/** What the audit learns about one account: its credential report, and the facts IAM adds to it. */
interface AccountEvidence {
  account: string;
  csv: string;
  generatedTime: string;
  facts: RootPostureFacts;
}

/** The task policy that lets a centralized-root session read root's credentials [IAM-PRIV]. */
const AUDIT_ROOT_TASK = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';
const NOT_READY = new Set([
  'CredentialReportNotReadyException',
  'CredentialReportNotPresentException',
  'CredentialReportExpiredException',
]);

/** `ListOrganizationsFeatures`' answer: the features, or the documented error that refused them. */
type OrganizationFeaturesAnswer = { features: string[] } | { refused: string };

const FEATURES_REFUSALS = new Set([
  'OrganizationNotFoundException',
  'AccountNotManagementOrDelegatedAdministratorException',
  'ServiceAccessNotEnabledException',
  'OrganizationNotInAllFeaturesModeException',
]);

interface IamPostureSourceOptions {
  /** The function's own account: audited with its own credentials. */
  homeAccount: string;
  /** The role the forwarder stack deploys in each member account for the audit. */
  roleName: string;
  sts: STSClient;
  clientConfig: IAMClientConfig;
  /** Ask ListOrganizationsFeatures (management or IAM delegated-administrator account only). */
  organizationFeatures: boolean;
  /** Read member root login profiles in sts:AssumeRoot sessions (same accounts only). */
  assumeRoot: boolean;
  retry?: RetryPolicy;
  /** Wait between GetCredentialReport polls; IAM usually needs a few seconds. */
  pollDelayMs?: number;
  maxPolls?: number;
  /** The clock that ages the organisation's features (below); default the system's. */
  now?: () => number;
}

/**
 * How long the organisation's features, once asked, answer for every account: one run (a Lambda
 * invocation lasts at most 15 minutes). A warm function's next run asks again, so that features
 * turned on or off since are seen.
 */
const FEATURES_TTL_MS = 15 * 60_000;

/**
 * Collects the evidence of the AWS mode for one account: GenerateCredentialReport, then
 * GetCredentialReport until ready, ListVirtualMFADevices (root's virtual device means its MFA is not
 * hardware), and, where the function may, the organisation's root-access features and the member's
 * root login profile. A member account is read through its audit role (sts:AssumeRole).
 */
class IamPostureSource {
  readonly #options: Required<IamPostureSourceOptions>;
  #features: { askedAt: number; answer: Promise<OrganizationFeaturesAnswer | undefined> } | undefined;

  constructor(options: IamPostureSourceOptions) {
    this.#options = {
      retry: DEFAULT_RETRY_POLICY,
      pollDelayMs: 2_000,
      maxPolls: 30,
      now: Date.now,
      ...options,
    };
  }

  /** `signal`: the run's budget (handlers/invocation-budget.ts); every call and poll under it stops when it fires. */
  async collect(account: string, { signal }: { signal?: AbortSignal } = {}): Promise<AccountEvidence> {
    const iam = await this.#iamFor(account, signal);
    const { csv, generatedTime } = await this.#credentialReport(iam, signal);
    const facts: RootPostureFacts = { virtualMfaDevices: await this.#virtualMfaDevices(iam, signal) };
    const features = await this.#organizationFeatures(signal);
    if (features && 'features' in features) facts.organizationFeatures = features.features;
    if (features && 'refused' in features) facts.organizationFeaturesError = features.refused;
    if (this.#options.assumeRoot && account !== this.#options.homeAccount) {
      facts.rootLoginProfile = await this.#rootLoginProfile(account, signal);
    }
    return { account, csv, generatedTime, facts };
  }

  async #iamFor(account: string, signal: AbortSignal | undefined): Promise<IAMClient> {
    const { homeAccount, roleName, sts, clientConfig, retry } = this.#options;
    if (account === homeAccount) return new IAMClient(clientConfig);
    const { Credentials } = await withRetries(
      (http) =>
        sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${account}:role/${roleName}`,
            RoleSessionName: 'rootwatch-posture-audit',
            DurationSeconds: 900,
          }),
          http,
        ),
      retry,
      signal,
    );
    return this.#clientWith(Credentials);
  }

  #clientWith(
    credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
  ): IAMClient {
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey)
      throw new Error('STS returned no credentials');
    return new IAMClient({
      ...this.#options.clientConfig,
      credentials: {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
      },
    });
  }

  async #credentialReport(
    iam: IAMClient,
    signal: AbortSignal | undefined,
  ): Promise<{ csv: string; generatedTime: string }> {
    const { retry, pollDelayMs, maxPolls } = this.#options;
    const generate = () =>
      withRetries((http) => iam.send(new GenerateCredentialReportCommand({}), http), retry, signal);
    await generate();
    for (let poll = 0; ; poll += 1) {
      try {
        const report = await withRetries(
          (http) => iam.send(new GetCredentialReportCommand({}), http),
          retry,
          signal,
        );
        if (!report.Content || !report.GeneratedTime)
          throw new Error('GetCredentialReport returned no content');
        return {
          csv: Buffer.from(report.Content).toString('utf8'),
          generatedTime: report.GeneratedTime.toISOString(),
        };
      } catch (error) {
        if (!NOT_READY.has((error as Error).name) || poll + 1 >= maxPolls) throw error;
        if ((error as Error).name !== 'CredentialReportNotReadyException') await generate();
        await sleep(pollDelayMs, signal);
      }
    }
  }

  async #virtualMfaDevices(iam: IAMClient, signal: AbortSignal | undefined): Promise<VirtualMfaDevice[]> {
    const devices: VirtualMfaDevice[] = [];
    let Marker: string | undefined;
    do {
      const page = await withRetries(
        (http) => iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned', Marker }), http),
        this.#options.retry,
        signal,
      );
      for (const device of page.VirtualMFADevices ?? []) {
        if (device.SerialNumber)
          devices.push({
            SerialNumber: device.SerialNumber,
            ...(device.User?.Arn ? { User: { Arn: device.User.Arn } } : {}),
          });
      }
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    return devices;
  }

  /**
   * Asked once per run, in the function's own account. IAM's documented refusals (no organisation,
   * not the management or delegated-administrator account, no trusted access, not all features) are
   * answers the `centralized-root-access` check reports; any other error fails the account.
   * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
   */
  #organizationFeatures(signal: AbortSignal | undefined): Promise<OrganizationFeaturesAnswer | undefined> {
    if (!this.#options.organizationFeatures) return Promise.resolve(undefined);
    const now = this.#options.now();
    if (this.#features && now - this.#features.askedAt < FEATURES_TTL_MS) return this.#features.answer;
    const asked = {
      askedAt: now,
      answer: withRetries(
        (http) =>
          new IAMClient(this.#options.clientConfig).send(new ListOrganizationsFeaturesCommand({}), http),
        this.#options.retry,
        signal,
      ).then(
        (answer): OrganizationFeaturesAnswer => ({ features: answer.EnabledFeatures ?? [] }),
        (error: unknown): OrganizationFeaturesAnswer => {
          const name = (error as Error).name;
          if (FEATURES_REFUSALS.has(name)) return { refused: name };
          // A failure is not kept: the next account asks again.
          if (this.#features === asked) this.#features = undefined;
          throw error;
        },
      ),
    };
    this.#features = asked;
    return asked.answer;
  }

  async #rootLoginProfile(account: string, signal: AbortSignal | undefined): Promise<'present' | 'absent'> {
    const { sts, retry } = this.#options;
    const { Credentials } = await withRetries(
      (http) =>
        sts.send(
          new AssumeRootCommand({
            TargetPrincipal: account,
            TaskPolicyArn: { arn: AUDIT_ROOT_TASK },
            DurationSeconds: 900,
          }),
          http,
        ),
      retry,
      signal,
    );
    try {
      await withRetries(
        (http) => this.#clientWith(Credentials).send(new GetLoginProfileCommand({}), http),
        retry,
        signal,
      );
      return 'present';
    } catch (error) {
      if ((error as Error).name === 'NoSuchEntityException') return 'absent';
      throw error;
    }
  }
}

export { IamPostureSource, AUDIT_ROOT_TASK };
export type { AccountEvidence, IamPostureSourceOptions };
