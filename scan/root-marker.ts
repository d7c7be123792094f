/**
 * The bytes every record that can concern root contains: `Root"` ends the JSON strings `"Root"`
 * (`userIdentity.type`, and `sessionIssuer.type` of a FederatedUser minted by root [CT-UID]) and
 * `"AssumeRoot"` (the `sts:AssumeRoot` call whose key the member account's root events carry
 * [IAM-PRIV]). A file without it holds no root record, so it is never parsed.
 *
 * Limits, all on the side of parsing more, except the first:
 * - JSON allows any character as an escape (`"\u0052oot"` is `"Root"`). CloudTrail writes plain
 *   ASCII for these values and so do the SDKs and exports we know of; a re-serialiser that escapes
 *   letters would hide the marker, and such a file would be skipped. `classify` parses everything.
 * - Other strings ending in `Root"` (an S3 key, a tag value, an Organizations `"Root"` policy target)
 *   are false hits: the file is scanned and the record parsed, then dropped by `rootRelation`.
 * - The marker is case-sensitive, as CloudTrail's values are: the lower-case `:root"` of root ARNs
 *   in IAM-user records does not hit.
 */
const ROOT_MARKER = Buffer.from('Root"', 'latin1');

/** Byte offsets of every marker in `bytes`, ascending (a native search; no parsing). */
const markerOffsets = (bytes: Buffer): number[] => {
  const offsets: number[] = [];
  for (let at = bytes.indexOf(ROOT_MARKER); at !== -1; at = bytes.indexOf(ROOT_MARKER, at + 1)) {
    offsets.push(at);
  }
  return offsets;
};

export { ROOT_MARKER, markerOffsets };
