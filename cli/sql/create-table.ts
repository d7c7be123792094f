/** Where an organisation trail delivers, and which accounts and Regions the table projects. */
interface OrganizationTrailTable {
  table: string;
  bucket: string;
  /** A key prefix before `AWSLogs/`, if the trail has one (without slashes at its ends). */
  prefix?: string | undefined;
  organizationId: string;
  accounts: readonly string[];
  regions: readonly string[];
  /** The first day the projection covers (`yyyy/MM/dd`). */
  firstDay: string;
}

/**
 * The columns of the Athena guide's CloudTrail table (partition projection variant), the CloudTrail
 * SerDe's names, lower case.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
const COLUMNS = `    eventversion STRING,
    useridentity STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<
            userid: STRING,
            identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<
                mfaauthenticated: STRING,
                creationdate: STRING>,
            sessionissuer: STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                username: STRING>,
            ec2roledelivery: STRING,
            webidfederationdata: STRUCT<
                federatedprovider: STRING,
                attributes: MAP<STRING, STRING>>>>,
    eventtime STRING,
    eventsource STRING,
    eventname STRING,
    awsregion STRING,
    sourceipaddress STRING,
    useragent STRING,
    errorcode STRING,
    errormessage STRING,
    requestparameters STRING,
    responseelements STRING,
    additionaleventdata STRING,
    requestid STRING,
    eventid STRING,
    readonly STRING,
    resources ARRAY<STRUCT<
        arn: STRING,
        accountid: STRING,
        type: STRING>>,
    eventtype STRING,
    apiversion STRING,
    recipientaccountid STRING,
    serviceeventdetails STRING,
    sharedeventid STRING,
    vpcendpointid STRING,
    vpcendpointaccountid STRING,
    eventcategory STRING,
    addendum STRUCT<
        reason: STRING,
        updatedfields: STRING,
        originalrequestid: STRING,
        originaleventid: STRING>,
    sessioncredentialfromconsole STRING,
    edgedevicedetails STRING,
    tlsdetails STRUCT<
        tlsversion: STRING,
        ciphersuite: STRING,
        clientprovidedhostheader: STRING>`;

/**
 * The Athena table over an organisation trail's bucket, `AWSLogs/<organization>/<account>/CloudTrail/
 * <region>/<yyyy>/<MM>/<dd>/`, with partition projection: Athena computes the partitions from the
 * table's properties (accounts and Regions as enums, the day as a date from `firstDay` to now), so
 * that no partition is ever added by hand and a query bounded on `timestamp` (`rootwatch sql
 * --since/--until`) reads only those days' objects. Athena bills per byte scanned.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
 */
const organizationTrailTable = (options: OrganizationTrailTable): string => {
  const root = `s3://${options.bucket}/${options.prefix ? `${options.prefix}/` : ''}AWSLogs/${options.organizationId}`;
  return `-- rootwatch: an Athena table over the organisation trail in ${root}/ (partition projection)
CREATE EXTERNAL TABLE ${options.table} (
${COLUMNS}
)
COMMENT 'CloudTrail organisation trail ${options.organizationId}, made by rootwatch sql --create-table'
PARTITIONED BY (account STRING, region STRING, \`timestamp\` STRING)
ROW FORMAT SERDE 'com.amazon.emr.hive.serde.CloudTrailSerde'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION '${root}/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.account.type' = 'enum',
  'projection.account.values' = '${options.accounts.join(',')}',
  'projection.region.type' = 'enum',
  'projection.region.values' = '${options.regions.join(',')}',
  'projection.timestamp.type' = 'date',
  'projection.timestamp.format' = 'yyyy/MM/dd',
  'projection.timestamp.range' = '${options.firstDay},NOW',
  'projection.timestamp.interval' = '1',
  'projection.timestamp.interval.unit' = 'DAYS',
  'storage.location.template' = '${root}/\${account}/CloudTrail/\${region}/\${timestamp}'
)
`;
};

export { organizationTrailTable };
export type { OrganizationTrailTable };
