import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import type { TrailFacts } from '../scan/coverage/trail-logging.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

interface TrailsRead {
  trails: TrailFacts[];
  /** The Regions whose trails were listed; the others are unknown. */
  regions: Set<string>;
  problems: string[];
}

const reason = (error: unknown): string => {
  const failure = error as { name?: string; message?: string };
  return `${failure.name ?? 'Error'}: ${failure.message ?? String(error)}`;
};

/**
 * The trails every Region lists, shadow trails included (a multi-Region trail's copy in each
 * Region, an organisation trail's in each member account), each with its status and selectors,
 * always named by ARN (required for shadow and organisation trails). A Region or a trail that
 * cannot be read is a problem line, not a failure: its places are reported `unknown`.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html
 */
const readTrails = async (
  regions: readonly string[],
  clientFor: (region: string) => CloudTrailClient,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<TrailsRead> => {
  const read: TrailsRead = { trails: [], regions: new Set(), problems: [] };
  await Promise.all(
    [...new Set(regions)].map(async (region) => {
      const client = clientFor(region);
      let listed;
      try {
        listed = await withRetries(
          () => client.send(new DescribeTrailsCommand({ includeShadowTrails: true })),
          retry,
        );
      } catch (error) {
        read.problems.push(`${region}: cannot list trails (${reason(error)})`);
        return;
      }
      read.regions.add(region);
      for (const trail of listed.trailList ?? []) {
        if (!trail.TrailARN) continue;
        const arn = trail.TrailARN;
        const [status, selectors] = await Promise.allSettled([
          withRetries(() => client.send(new GetTrailStatusCommand({ Name: arn })), retry),
          withRetries(() => client.send(new GetEventSelectorsCommand({ TrailName: arn })), retry),
        ]);
        if (status.status === 'rejected')
          read.problems.push(`${region}: cannot read the status of ${arn} (${reason(status.reason)})`);
        if (selectors.status === 'rejected')
          read.problems.push(
            `${region}: cannot read the event selectors of ${arn} (${reason(selectors.reason)})`,
          );
        read.trails.push({
          arn,
          seenIn: region,
          homeRegion: trail.HomeRegion ?? region,
          multiRegion: trail.IsMultiRegionTrail === true,
          organization: trail.IsOrganizationTrail === true,
          logging: status.status === 'fulfilled' ? status.value.IsLogging === true : undefined,
          selectors:
            selectors.status === 'fulfilled'
              ? {
                  ...(selectors.value.EventSelectors && { basic: selectors.value.EventSelectors }),
                  ...(selectors.value.AdvancedEventSelectors && {
                    advanced: selectors.value.AdvancedEventSelectors,
                  }),
                }
              : undefined,
        });
      }
    }),
  );
  read.problems.sort();
  return read;
};

export { readTrails };
export type { TrailsRead };
