/**
 * A field of the record rebuilt as JSON: its key, the column (an SQL expression) and whether the
 * column is text to quote or JSON text already (the Athena table keeps `requestparameters`,
 * `responseelements` and `additionaleventdata` as JSON text), or an object of fields.
 */
type JsonField = [key: string, column: string, kind: 'text' | 'json'] | [key: string, fields: JsonField[]];

/**
 * `'{' || … || '}'`: a JSON object of the fields whose column is not NULL (an absent field stays
 * absent, as in the log file, instead of becoming `null`), each text value quoted and escaped by
 * `json_format(CAST(… AS JSON))`. Only string concatenation, `filter`, `array_join` and JSON casts
 * of text: functions of every Athena engine version, with no ROW-to-JSON cast (whose output changed
 * between versions).
 * @see https://trino.io/docs/current/functions/json.html
 */
const jsonObject = (fields: JsonField[], indent: string): string => {
  const members = fields.map((field) => {
    const key = `'${JSON.stringify(field[0])}:'`;
    if (field.length === 2) return `${key} || ${jsonObject(field[1], `${indent}  `)}`;
    const [, column, kind] = field;
    return kind === 'text' ? `${key} || json_format(CAST(${column} AS JSON))` : `${key} || ${column}`;
  });
  return `nullif('{' || array_join(filter(ARRAY[\n${indent}  ${members.join(`,\n${indent}  `)}\n${indent}], member -> member IS NOT NULL), ',') || '}', '{}')`;
};

const text = (key: string, column: string): JsonField => [key, column, 'text'];

/**
 * The record of an Athena row as JSON, with the fields the detector reads (schemas/
 * cloudtrail-record-shape.ts): what `rootwatch classify` needs to classify it again from an
 * export of the results (cli/input/engine-export.ts).
 */
const athenaRecordJson = (alias: string): string => {
  const c = (column: string) => `${alias}.${column}`;
  const identity = c('useridentity');
  return jsonObject(
    [
      text('eventVersion', c('eventversion')),
      text('eventTime', c('eventtime')),
      text('eventID', c('eventid')),
      text('eventSource', c('eventsource')),
      text('eventName', c('eventname')),
      text('eventType', c('eventtype')),
      text('awsRegion', c('awsregion')),
      text('sourceIPAddress', c('sourceipaddress')),
      text('userAgent', c('useragent')),
      text('errorCode', c('errorcode')),
      text('errorMessage', c('errormessage')),
      ['requestParameters', c('requestparameters'), 'json'],
      ['responseElements', c('responseelements'), 'json'],
      ['additionalEventData', c('additionaleventdata'), 'json'],
      text('readOnly', c('readonly')),
      text('recipientAccountId', c('recipientaccountid')),
      text('sharedEventID', c('sharedeventid')),
      text('sessionCredentialFromConsole', c('sessioncredentialfromconsole')),
      [
        'userIdentity',
        [
          text('type', `${identity}.type`),
          text('principalId', `${identity}.principalid`),
          text('arn', `${identity}.arn`),
          text('accountId', `${identity}.accountid`),
          text('accessKeyId', `${identity}.accesskeyid`),
          text('userName', `${identity}.username`),
          text('invokedBy', `${identity}.invokedby`),
          [
            'sessionContext',
            [
              [
                'attributes',
                [
                  text('mfaAuthenticated', `${identity}.sessioncontext.attributes.mfaauthenticated`),
                  text('creationDate', `${identity}.sessioncontext.attributes.creationdate`),
                ],
              ],
              [
                'sessionIssuer',
                [
                  text('type', `${identity}.sessioncontext.sessionissuer.type`),
                  text('principalId', `${identity}.sessioncontext.sessionissuer.principalid`),
                  text('arn', `${identity}.sessioncontext.sessionissuer.arn`),
                  text('accountId', `${identity}.sessioncontext.sessionissuer.accountid`),
                  text('userName', `${identity}.sessioncontext.sessionissuer.username`),
                ],
              ],
            ],
          ],
        ],
      ],
    ],
    '    ',
  );
};

export { athenaRecordJson };
