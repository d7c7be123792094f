import * as z from 'zod/mini';
import './zod-english.ts';
import { ControlSchema } from './finding.ts';

/** The root posture checks of `rootwatch audit`, in the order they are reported. */
const POSTURE_CHECKS = [
  'root-access-keys',
  'root-key-rotation',
  'root-mfa',
  'root-hardware-mfa',
  'root-recent-use',
  'centralized-root-access',
] as const;

/**
 * `pass` and `fail` answer the check; `unknown`: the evidence cannot decide it (say, the report
 * alone cannot tell a virtual MFA device from a hardware one); `skipped`: the check does not apply
 * (an account too young to judge, a root user left without any credential).
 */
const POSTURE_STATUSES = ['pass', 'fail', 'unknown', 'skipped'] as const;

const PostureCheckIdSchema = z.enum(POSTURE_CHECKS);
const PostureStatusSchema = z.enum(POSTURE_STATUSES);

/**
 * One check of one account: the contract of `rootwatch audit --json` (one per line) and of the
 * scheduled audit. Strict, like the finding. `controls` has the finding's shape; `detail` is one line;
 * `evidence` holds the credential report columns the check read, exactly as the report wrote them,
 * and in the AWS mode the API answers it used (keys named `iam:<Action>`).
 * @example
 * { "account": "444455556666", "check": "root-access-keys", "status": "fail",
 *   "controls": [{ "framework": "CIS AWS Foundations Benchmark", "version": "3.0.0", "id": "1.4",
 *     "title": "Ensure no 'root' user account access key exists" }],
 *   "detail": "root access key 1 is active",
 *   "evidence": { "access_key_1_active": "true", "access_key_2_active": "false" } }
 */
const PostureResultSchema = z.strictObject({
  account: z.string(),
  check: PostureCheckIdSchema,
  status: PostureStatusSchema,
  controls: z.array(ControlSchema),
  detail: z.string().check(z.regex(/^[^\r\n]+$/, { error: 'one non-empty line' })),
  evidence: z.record(z.string(), z.string()),
});

type PostureCheckId = z.infer<typeof PostureCheckIdSchema>;
type PostureStatus = z.infer<typeof PostureStatusSchema>;
type PostureResult = z.infer<typeof PostureResultSchema>;

export { POSTURE_CHECKS, POSTURE_STATUSES, PostureCheckIdSchema, PostureStatusSchema, PostureResultSchema };
export type { PostureCheckId, PostureStatus, PostureResult };
