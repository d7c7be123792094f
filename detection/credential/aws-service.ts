import { CONSOLE_INVOKED_BY } from './console-markers.ts';
import type { CredentialRule } from './credential-rule.ts';

/**
 * An AWS service acting with the root identity: `invokedBy` names the service ("only present when a
 * request is made by an AWS service" [CT-UID]; S15). `signin.amazonaws.com` is the exception: on
 * 2018–2020 records it marks a person's console session (S09, S10), not a service.
 */
const awsService: CredentialRule = {
  id: 'aws-service',
  credential: 'aws-service',
  source: '[CT-UID] invokedBy; [KC-ROOTACT]; S15',
  applies: (record) => {
    const invokedBy = record.userIdentity.invokedBy;
    return invokedBy !== undefined && invokedBy !== '' && invokedBy !== CONSOLE_INVOKED_BY;
  },
};

export { awsService };
