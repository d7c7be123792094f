import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';
import type { Outcome } from '../schemas/finding.ts';

/**
 * A call failed when it carries `errorCode` or `errorMessage` ("Some AWS services provide the
 * errorCode and errorMessage as top-level fields" [CT-REC]), or when a sign-in service event
 * reports `Failure` under its own name (`responseElements.ConsoleLogin: "Failure"` with
 * `errorMessage: "Failed authentication"` and no errorCode [CT-SIGNIN]; likewise PasswordUpdated,
 * ExternalIdPDirectoryLogin, CheckMfa).
 */
const classifyOutcome = (record: CloudTrailRecord): Outcome => {
  if (record.errorCode || record.errorMessage) return 'failure';
  return record.responseElements?.[record.eventName] === 'Failure' ? 'failure' : 'success';
};

export { classifyOutcome };
