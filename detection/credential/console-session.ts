import { consoleMarkerOf } from './console-markers.ts';
import type { CredentialRule } from './credential-rule.ts';

/** Actions in a console session: temporary credentials behind any of the console markers. */
const consoleSession: CredentialRule = {
  id: 'console-session',
  credential: 'console-session',
  source: 'credential/console-markers.ts (each marker cites its evidence)',
  applies: (record) => consoleMarkerOf(record) !== undefined,
};

export { consoleSession };
