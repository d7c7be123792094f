import * as z from 'zod/mini';
import { AsffFindingSchema } from '../../schemas/asff-finding.ts';
import type { AsffFinding } from '../../schemas/asff-finding.ts';
import { ServiceError } from './service-error.ts';

type FailedFinding = { Id: string; ErrorCode: string; ErrorMessage: string };

/** The request body: `Findings` and nothing else, 1 to 100 of them (each checked on its own). */
const RequestSchema = z.strictObject({
  Findings: z.array(z.unknown()).check(z.minLength(1), z.maxLength(100)),
});

/**
 * Security Hub `BatchImportFindings` (REST JSON, `POST /findings/import`): 1 to 100 findings, each
 * with every required ASFF attribute; a finding is imported only through the caller's own default
 * product (`product/<account>/default` in the signed Region) with `AwsAccountId` the caller's account,
 * else it fails alone. A finding already imported is replaced only by one with a later `UpdatedAt`.
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html
 */
class SecurityHubService {
  readonly findings = new Map<string, AsffFinding>();
  readonly requests: number[] = [];

  import(account: string, region: string, body: unknown) {
    const request = RequestSchema.safeParse(body);
    if (!request.success)
      throw new ServiceError('InvalidInputException', z.prettifyError(request.error), 400);
    const findings = request.data.Findings;
    this.requests.push(findings.length);
    const product = `arn:aws:securityhub:${region}:${account}:product/${account}/default`;
    const failed: FailedFinding[] = [];
    for (const candidate of findings) {
      const id = String((candidate as { Id?: unknown }).Id ?? '');
      const parsed = AsffFindingSchema.safeParse(candidate);
      if (!parsed.success) {
        failed.push({
          Id: id,
          ErrorCode: 'InvalidInput',
          ErrorMessage: parsed.error.issues[0]?.message ?? 'invalid',
        });
        continue;
      }
      const finding = parsed.data;
      if (finding.ProductArn !== product || finding.AwsAccountId !== account) {
        failed.push({
          Id: id,
          ErrorCode: 'AccessDeniedException',
          ErrorMessage: `not the default product of ${account}`,
        });
        continue;
      }
      const stored = this.findings.get(`${finding.ProductArn} ${finding.Id}`);
      if (!stored || Date.parse(finding.UpdatedAt) > Date.parse(stored.UpdatedAt)) {
        this.findings.set(`${finding.ProductArn} ${finding.Id}`, finding);
      }
    }
    return {
      FailedCount: failed.length,
      SuccessCount: findings.length - failed.length,
      FailedFindings: failed,
    };
  }
}

export { SecurityHubService };
