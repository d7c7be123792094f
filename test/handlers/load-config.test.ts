import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../handlers/load-config.ts';
import { HandlerConfigSchema } from '../../schemas/handler-config.ts';

const loadHandlerConfig = (env: Record<string, string | undefined>) => loadConfig(HandlerConfigSchema, env);

const valid = { ROOTWATCH_ALERT_BUS: 'rootwatch-alerts', ROOTWATCH_LOG_GROUP: '/rootwatch/records' };

describe('Config: handler environment', () => {
  it('applies the defaults', () => {
    expect(loadHandlerConfig(valid)).toStrictEqual({
      ...valid,
      ROOTWATCH_ALERT_MIN_SEVERITY: 'low',
      ROOTWATCH_LOG_LEVEL: 'info',
      ROOTWATCH_DETECTOR_CONFIG: { cisVersions: ['3.0.0'], severityOverrides: [] },
      ROOTWATCH_INCIDENT_QUIET_MINUTES: 60,
      ROOTWATCH_SUPPRESSIONS_FILE: 'suppressions.json',
      ROOTWATCH_SANCTIONED_TASKS_FILE: 'sanctioned-root-tasks.json',
    });
  });

  it('reads the detector settings as JSON', () => {
    expect(
      loadHandlerConfig({ ...valid, ROOTWATCH_DETECTOR_CONFIG: '{"cisVersions":["5.0.0"]}' })
        .ROOTWATCH_DETECTOR_CONFIG.cisVersions,
    ).toStrictEqual(['5.0.0']);
  });

  it.each([
    { env: {}, names: ['ROOTWATCH_ALERT_BUS', 'ROOTWATCH_LOG_GROUP'] },
    { env: { ...valid, ROOTWATCH_ALERT_MIN_SEVERITY: 'urgent' }, names: ['ROOTWATCH_ALERT_MIN_SEVERITY'] },
    { env: { ...valid, ROOTWATCH_LOG_GROUP: 'bad name!' }, names: ['ROOTWATCH_LOG_GROUP'] },
    { env: { ...valid, ROOTWATCH_DETECTOR_CONFIG: '{not json' }, names: ['ROOTWATCH_DETECTOR_CONFIG'] },
    {
      env: { ...valid, ROOTWATCH_DETECTOR_CONFIG: '{"cisVersion":["5.0.0"]}' },
      names: ['ROOTWATCH_DETECTOR_CONFIG'],
    },
  ])('fails at cold start naming $names', ({ env, names }) => {
    // Act
    const load = () => loadHandlerConfig(env);

    // Assess
    expect(load).toThrow(expect.objectContaining({ name: 'ConfigError' }));
    for (const name of names) expect(load).toThrow(name);
  });
});
