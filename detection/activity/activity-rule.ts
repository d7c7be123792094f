import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { Activity } from '../../schemas/finding.ts';

/** One kind of activity. Rules are tried in registry order; anything else is an `api-call`. */
interface ActivityRule {
  id: string;
  activity: Activity;
  source: string;
  applies(record: CloudTrailRecord): boolean;
}

export type { ActivityRule };
