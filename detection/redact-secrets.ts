/**
 * The keys whose values are secrets wherever they appear in an event, compared case-insensitively
 * and without `-`/`_` (`x-amz-security-token` is `xamzsecuritytoken`). CloudTrail records the
 * session token that AssumeRoot, AssumeRole and GetSessionToken return
 * (`responseElements.credentials.sessionToken`, S13), the MFA code of a call made with one
 * (`requestParameters.tokenCode`: STS GetSessionToken, AssumeRole), and services log request
 * parameters as their APIs name them; none of it may reach a log group, an alert or an OCSF `data`
 * object. Each entry is one test case (test/detection/redact-secrets.test.ts).
 */
const SECRET_KEYS: ReadonlyMap<string, string> = new Map([
  ['token', 'any bare token'],
  ['sessiontoken', 'STS session credentials'],
  ['securitytoken', 'the SigV4 session token header, without its x-amz- prefix'],
  ['xamzsecuritytoken', 'the SigV4 session token header (X-Amz-Security-Token)'],
  ['authorizationtoken', 'API Gateway authorizers, ECR GetAuthorizationToken'],
  ['accesstoken', 'OAuth and IAM Identity Center access tokens'],
  ['refreshtoken', 'OAuth refresh tokens'],
  ['idtoken', 'OpenID Connect ID tokens'],
  ['webidentitytoken', 'sts:AssumeRoleWithWebIdentity'],
  ['samlassertion', 'sts:AssumeRoleWithSAML'],
  ['tokencode', 'an MFA one-time code (sts:GetSessionToken, sts:AssumeRole)'],
  ['authenticationcode1', 'iam:EnableMFADevice, iam:ResyncMFADevice'],
  ['authenticationcode2', 'iam:EnableMFADevice, iam:ResyncMFADevice'],
  ['secretaccesskey', 'the secret half of an access key'],
  ['secretstring', 'Secrets Manager secret values'],
  ['secretbinary', 'Secrets Manager secret values'],
  ['secret', 'any bare secret'],
  ['clientsecret', 'OAuth client secrets'],
  ['apikey', 'API keys'],
  ['password', 'passwords'],
  ['newpassword', 'iam:ChangePassword'],
  ['oldpassword', 'iam:ChangePassword'],
  ['masteruserpassword', 'RDS, Redshift'],
  ['passphrase', 'key passphrases'],
  ['privatekey', 'certificate and key-pair private keys'],
  ['authorization', 'an Authorization header'],
  ['cookie', 'session cookies'],
]);

/** Keys that are secrets only when their value is text: `credentials` is also the object of STS answers. */
const SECRET_WHEN_TEXT: ReadonlyMap<string, string> = new Map([
  ['credentials', 'a credentials string (the object form is walked, its secret keys redacted)'],
]);

const REDACTED = '[redacted]';

const normalised = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/** Whether the value of `key` is a secret (an empty or null value is left as it is: it hides nothing). */
const isSecret = (key: string, value: unknown): boolean => {
  if (value === null || value === '' || value === undefined) return false;
  const name = normalised(key);
  return SECRET_KEYS.has(name) || (typeof value === 'string' && SECRET_WHEN_TEXT.has(name));
};

type Container = Record<string, unknown> | unknown[];

/** Sets an own property, `__proto__` included (JSON.parse makes it an own key; assignment would not). */
const setOwn = (record: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
};

/**
 * A deep copy of `value` with the values of secret keys replaced, and nothing else changed. An
 * explicit stack instead of recursion: an event nested 100,000 deep (a 200 KB EventBridge event can
 * be) is copied like any other, without overflowing the call stack.
 */
const redactSecrets = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const copyOf = (source: object): Container => (Array.isArray(source) ? [] : {});
  const root = copyOf(value);
  const stack: [source: object, target: Container][] = [[value, root]];
  while (stack.length) {
    const [source, target] = stack.pop()!;
    if (Array.isArray(source)) {
      const list = target as unknown[];
      for (const item of source) {
        if (typeof item === 'object' && item !== null) {
          const copy = copyOf(item);
          list.push(copy);
          stack.push([item, copy]);
        } else list.push(item);
      }
      continue;
    }
    const record = target as Record<string, unknown>;
    for (const [key, inner] of Object.entries(source)) {
      if (isSecret(key, inner)) setOwn(record, key, REDACTED);
      else if (typeof inner === 'object' && inner !== null) {
        const copy = copyOf(inner);
        setOwn(record, key, copy);
        stack.push([inner, copy]);
      } else setOwn(record, key, inner);
    }
  }
  return root;
};

export { redactSecrets, isSecret, REDACTED, SECRET_KEYS, SECRET_WHEN_TEXT };
