import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tieringFlagsFor } from '../../cli/scan-tiering.ts';

describe('CLI: V8 tiering for a scan', () => {
  it.each([
    { runtime: 'Node 20 (V8 11.3)', v8: '11.3.244.8-node.33', flags: '--interrupt-budget=600000' },
    {
      runtime: 'Node 22 (V8 12.4)',
      v8: '12.4.254.21-node.33',
      flags: '--invocation-count-for-turbofan=12000 --invocation-count-for-osr=3200',
    },
    { runtime: 'a V8 not measured (13.6)', v8: '13.6.233.10-node.20', flags: undefined },
    { runtime: 'an older V8 (10.2)', v8: '10.2.154.26-node.26', flags: undefined },
  ])('$runtime: $flags', ({ v8, flags }) => {
    expect(tieringFlagsFor(v8)).toBe(flags);
  });

  it('gives this Node only flags its V8 knows (an unknown one is printed as an error)', () => {
    const flags = tieringFlagsFor(process.versions.v8);
    const run = spawnSync(
      process.execPath,
      ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flags ?? '')}); console.log('ran')`],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ran\n');
  });
});
