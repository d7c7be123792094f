import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * A CloudTrail log file as delivered to S3: `{"Records": [...]}`. The records stay `unknown` here
 * and are validated one by one, so a single bad record never costs the rest of the file.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
const CloudTrailLogFileSchema = z.looseObject({
  Records: z.array(z.unknown()),
});

type CloudTrailLogFile = z.infer<typeof CloudTrailLogFileSchema>;

export { CloudTrailLogFileSchema };
export type { CloudTrailLogFile };
