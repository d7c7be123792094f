import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import type { StoredEvent } from '../aws-endpoint/events-service.ts';

/** An event the local alert bus received, as a rule on that bus delivers it to a function. */
const asDelivered = (event: Pick<StoredEvent, 'id' | 'source' | 'detailType' | 'detail'>) => ({
  version: '0',
  id: event.id,
  'detail-type': event.detailType,
  source: event.source,
  account: '111122223333',
  time: '2026-11-29T06:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: event.detail,
});

/** A finding as the alert-bus rule delivers it. */
const findingAlert = (finding: object, id = 'alert-1') =>
  asDelivered({ id, source: ALERT_SOURCE, detailType: ALERT_DETAIL_TYPES.finding, detail: { ...finding } });

export { asDelivered, findingAlert };
