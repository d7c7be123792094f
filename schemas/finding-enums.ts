import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * The closed vocabularies of the finding (docs/finding-and-formats.md), apart from the finding schema
 * itself so that code which only needs them (the Lambda's detector, configs) does not build it.
 */
const CREDENTIALS = [
  'password',
  'console-session',
  'access-key',
  'session-token',
  'assumed-root',
  'aws-service',
  'unknown',
] as const;
const ACTIVITIES = [
  'sign-in',
  'password-recovery',
  'credential-change',
  'logging-change',
  'api-call',
] as const;
const OUTCOMES = ['success', 'failure'] as const;
/** Most severe first: the order is used to compare and to step a failure down by one. */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

const CredentialSchema = z.enum(CREDENTIALS);
const ActivitySchema = z.enum(ACTIVITIES);
const OutcomeSchema = z.enum(OUTCOMES);
const SeveritySchema = z.enum(SEVERITIES);

type Credential = z.infer<typeof CredentialSchema>;
type Activity = z.infer<typeof ActivitySchema>;
type Outcome = z.infer<typeof OutcomeSchema>;
type Severity = z.infer<typeof SeveritySchema>;

export {
  CREDENTIALS,
  ACTIVITIES,
  OUTCOMES,
  SEVERITIES,
  CredentialSchema,
  ActivitySchema,
  OutcomeSchema,
  SeveritySchema,
};
export type { Credential, Activity, Outcome, Severity };
