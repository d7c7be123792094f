import { ServiceError } from './service-error.ts';

/** A trail the local CloudTrail holds, with what DescribeTrails, GetTrailStatus and GetEventSelectors return. */
interface LocalTrail {
  name: string;
  account: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  logging: boolean;
  eventSelectors?: unknown[];
  advancedEventSelectors?: unknown[];
}

type Input = Record<string, unknown>;

const arnOf = (trail: LocalTrail): string =>
  `arn:aws:cloudtrail:${trail.homeRegion}:${trail.account}:trail/${trail.name}`;

/**
 * CloudTrail's DescribeTrails, GetTrailStatus and GetEventSelectors (AWS JSON 1.1), per Region as
 * the request is signed: a multi-Region trail is listed in every Region (as a shadow trail outside
 * its home Region, only with `includeShadowTrails`, the default), a single-Region trail in its home
 * Region. A trail named by ARN is found from any Region it is listed in; by name, only at home.
 * Regions in `denied` answer AccessDeniedException, trails in `unreadableSelectors` too.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 */
class CloudTrailService {
  readonly trails: LocalTrail[] = [];
  readonly denied = new Set<string>();
  readonly unreadableSelectors = new Set<string>();

  handle(operation: string, input: Input, region: string): unknown {
    if (this.denied.has(region))
      throw new ServiceError('AccessDeniedException', `not authorized to read trails in ${region}`);
    switch (operation) {
      case 'DescribeTrails':
        return {
          trailList: this.#listed(region, input.includeShadowTrails !== false).map((trail) => ({
            Name: trail.name,
            TrailARN: arnOf(trail),
            HomeRegion: trail.homeRegion,
            IsMultiRegionTrail: trail.multiRegion,
            IsOrganizationTrail: trail.organization,
            S3BucketName: 'local-trail-bucket',
            IncludeGlobalServiceEvents: true,
            HasCustomEventSelectors:
              trail.eventSelectors !== undefined || trail.advancedEventSelectors !== undefined,
          })),
        };
      case 'GetTrailStatus':
        return { IsLogging: this.#find(region, input.Name).logging };
      case 'GetEventSelectors': {
        const trail = this.#find(region, input.TrailName);
        if (this.unreadableSelectors.has(trail.name))
          throw new ServiceError(
            'AccessDeniedException',
            `not authorized to read the selectors of ${trail.name}`,
          );
        return trail.advancedEventSelectors
          ? { TrailARN: arnOf(trail), AdvancedEventSelectors: trail.advancedEventSelectors }
          : {
              TrailARN: arnOf(trail),
              // A trail made without selectors logs all management events, read and write.
              EventSelectors: trail.eventSelectors ?? [
                { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] },
              ],
            };
      }
      default:
        throw new ServiceError(
          'UnknownOperationException',
          `CloudTrail ${operation} is not implemented here`,
        );
    }
  }

  #listed(region: string, shadows: boolean): LocalTrail[] {
    return this.trails.filter((trail) => trail.homeRegion === region || (shadows && trail.multiRegion));
  }

  #find(region: string, name: unknown): LocalTrail {
    const trail = this.#listed(region, true).find((one) =>
      typeof name === 'string' && name.startsWith('arn:')
        ? arnOf(one) === name
        : one.name === name && one.homeRegion === region,
    );
    if (!trail)
      throw new ServiceError('TrailNotFoundException', `Unknown trail: ${String(name)} for the user`);
    return trail;
  }
}

export { CloudTrailService, arnOf };
export type { LocalTrail };
