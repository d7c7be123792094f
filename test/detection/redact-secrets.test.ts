import { describe, expect, it } from 'vitest';
import { boundedJson, jsonDepth, jsonHead, MAX_JSON_DEPTH } from '../../detection/json-walk.ts';
import { REDACTED, redactSecrets, SECRET_KEYS, SECRET_WHEN_TEXT } from '../../detection/redact-secrets.ts';

/** `{ a: { a: … { leaf } } }`, `depth` objects deep, built without recursion. */
const nested = (depth: number, leaf: Record<string, unknown> = {}): Record<string, unknown> => {
  let value: Record<string, unknown> = leaf;
  for (let level = 1; level < depth; level += 1) value = { a: value };
  return value;
};

/** The spellings services log: camelCase, PascalCase, the header's, upper case. */
const SPELLINGS: { key: string; name: string }[] = [
  { key: 'Token', name: 'token' },
  { key: 'x-amz-security-token', name: 'xamzsecuritytoken' },
  { key: 'X-Amz-Security-Token', name: 'xamzsecuritytoken' },
  { key: 'authorizationToken', name: 'authorizationtoken' },
  { key: 'accessToken', name: 'accesstoken' },
  { key: 'refreshToken', name: 'refreshtoken' },
  { key: 'SecretString', name: 'secretstring' },
  { key: 'apiKey', name: 'apikey' },
  { key: 'api_key', name: 'apikey' },
  { key: 'secret', name: 'secret' },
  { key: 'PASSWORD', name: 'password' },
  { key: 'privateKey', name: 'privatekey' },
  { key: 'sessionToken', name: 'sessiontoken' },
  { key: 'tokenCode', name: 'tokencode' },
  { key: 'secretAccessKey', name: 'secretaccesskey' },
  { key: 'clientSecret', name: 'clientsecret' },
];

describe('Redaction: the documented secret keys', () => {
  it.each([...SECRET_KEYS.keys()])('redacts the value of "%s" wherever it is', (name) => {
    // Prepare
    const event = { requestParameters: { [name]: 'hunter2', list: [{ [name]: 'hunter3' }] } };

    // Act
    const redacted = redactSecrets(event);

    // Assess
    expect(redacted).toStrictEqual({ requestParameters: { [name]: REDACTED, list: [{ [name]: REDACTED }] } });
  });

  it.each(SPELLINGS)('recognises "$key" as "$name", whatever its case and separators', ({ key, name }) => {
    // Act
    const redacted = redactSecrets({ [key]: 'sensitive' });

    // Assess
    expect(SECRET_KEYS.has(name)).toBe(true);
    expect(redacted).toStrictEqual({ [key]: REDACTED });
  });

  it.each([...SECRET_WHEN_TEXT.keys()])('redacts "%s" as text, and walks it as an object', (name) => {
    // Act
    const asText = redactSecrets({ [name]: 'AKIA…:secret' });
    const asObject = redactSecrets({
      [name]: { accessKeyId: 'ASIAEXAMPLE', sessionToken: 'IQoJ…', expiration: 'Nov 29, 2026' },
    });

    // Assess
    expect(asText).toStrictEqual({ [name]: REDACTED });
    expect(asObject).toStrictEqual({
      [name]: { accessKeyId: 'ASIAEXAMPLE', sessionToken: REDACTED, expiration: 'Nov 29, 2026' },
    });
  });

  it('changes nothing else: other keys, empty and null secrets, scalars, key order, __proto__ as data', () => {
    // Prepare
    const event = JSON.parse(
      '{"eventName":"GetSessionToken","nextToken":"page-2","password":"","sessionToken":null,"n":[1,"x",true,null],"__proto__":{"secret":"s"}}',
    ) as unknown;

    // Act
    const redacted = redactSecrets(event) as Record<string, unknown>;

    // Assess
    expect(Object.keys(redacted)).toStrictEqual([
      'eventName',
      'nextToken',
      'password',
      'sessionToken',
      'n',
      '__proto__',
    ]);
    expect(JSON.stringify(redacted)).toBe(
      '{"eventName":"GetSessionToken","nextToken":"page-2","password":"","sessionToken":null,"n":[1,"x",true,null],"__proto__":{"secret":"[redacted]"}}',
    );
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
  });

  it.each([3_000, 100_000])('copies an event nested %i deep, redacting at the bottom', (depth) => {
    // Prepare
    const event = nested(depth, { password: 'deep' });

    // Act
    const redacted = redactSecrets(event);

    // Assess
    let bottom = redacted as Record<string, unknown>;
    for (let level = 1; level < depth; level += 1) bottom = bottom.a as Record<string, unknown>;
    expect(bottom).toStrictEqual({ password: REDACTED });
    expect(redacted === event).toBe(false);
  });
});

describe('JSON walks without recursion', () => {
  it.each([
    { value: 'x', depth: 0 },
    { value: {}, depth: 1 },
    { value: [[], { a: [1] }], depth: 3 },
    { value: nested(100_000), depth: 100_000 },
  ])('measures depth $depth', ({ value, depth }) => {
    expect(jsonDepth(value)).toBe(depth);
  });

  it.each([
    { value: { a: [1, 'two', null, true, { b: undefined, c: 1.5 }], d: 'é"' }, name: 'a mixed value' },
    { value: [undefined, () => 1], name: 'what JSON drops or nulls' },
    { value: 'text', name: 'a scalar' },
  ])('writes $name as JSON.stringify does', ({ value }) => {
    expect(jsonHead(value, 10_000)).toStrictEqual({ head: JSON.stringify(value), complete: true });
  });

  it('stops at the head of a value too deep for JSON.stringify', () => {
    // Act
    const { head, complete } = jsonHead(nested(100_000), 20);

    // Assess
    expect({ head, complete }).toStrictEqual({ head: '{"a":{"a":{"a":{"a":', complete: false });
  });

  it('keeps a value that is safe to log, and stands in for one too deep or too large', () => {
    // Prepare
    const limits = { maxChars: 50, headChars: 10 };

    // Act
    const fine = boundedJson({ a: 1 }, limits);
    const deep = boundedJson(nested(MAX_JSON_DEPTH + 1), limits);
    const large = boundedJson({ text: 'x'.repeat(60) }, limits);

    // Assess
    expect(fine).toStrictEqual({ a: 1 });
    expect(deep).toStrictEqual({ truncated: true, depth: MAX_JSON_DEPTH + 1, head: '{"a":{"a":' });
    expect(large).toStrictEqual({ truncated: true, bytes: 71, head: '{"text":"x' });
  });
});
