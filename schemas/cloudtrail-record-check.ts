import { recordSchema } from './cloudtrail-record-shape.ts';
import { object } from './jit-object.ts';

/**
 * The same checks as `CloudTrailRecordSchema` (cloudtrail-record.ts), without copying the fields rootwatch does not read
 * (a quarter of the validation cost on real records). The schema has no transforms or defaults, so a
 * record that passes is, unchanged, a valid `CloudTrailRecord`: the detector validates with this and
 * keeps the record itself, unknown fields and all (a test holds both schemas to that).
 */
const CloudTrailRecordCheck = recordSchema(object);

export { CloudTrailRecordCheck };
