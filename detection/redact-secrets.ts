/**
 * Keys whose values are secrets wherever they appear in an event. CloudTrail logs the session token
 * that AssumeRoot, AssumeRole and GetSessionToken return (`responseElements.credentials.sessionToken`,
 * S13); it must not reach a log group or an alert.
 */
const SECRET_KEYS = new Set([
  'sessiontoken',
  'secretaccesskey',
  'password',
  'newpassword',
  'oldpassword',
  'privatekey',
  'clientsecret',
]);

const REDACTED = '[redacted]';

/** A deep copy of `value` with the values of secret keys replaced, and nothing else changed. */
const redactSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.has(key.toLowerCase()) && inner !== null && inner !== '' ? REDACTED : redactSecrets(inner),
    ]),
  );
};

export { redactSecrets, REDACTED };
