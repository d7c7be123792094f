/**
 * The AWS Query protocol (IAM, STS): form-encoded requests (`Action=…&Version=…`, lists as
 * `Name.member.1`), XML answers `<ActionResponse><ActionResult>…</ActionResult></ActionResponse>`,
 * errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error></ErrorResponse>`.
 */
const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XML elements for a value: objects become elements, arrays `<member>` lists. */
const toXml = (value: unknown): string => {
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => `<${key}>${toXml(inner)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
};

const queryResponse = (action: string, namespace: string, result: unknown): string =>
  `<${action}Response xmlns="${namespace}"><${action}Result>${toXml(result)}</${action}Result>` +
  `<ResponseMetadata><RequestId>local-request</RequestId></ResponseMetadata></${action}Response>`;

const queryError = (code: string, message: string): string =>
  `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
  '<RequestId>local-request</RequestId></ErrorResponse>';

/** The service a SigV4 request is signed for: the fourth part of its credential scope. */
const signedService = (authorization: string): string | undefined =>
  /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization)?.[1];

/** The access key a SigV4 request is signed with. */
const signingKey = (authorization: string): string | undefined =>
  /Credential=([^/]+)\//.exec(authorization)?.[1];

export { queryResponse, queryError, toXml, signedService, signingKey };
