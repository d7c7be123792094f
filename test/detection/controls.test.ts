import { describe, expect, it } from 'vitest';
import { cisControl } from '../../detection/controls/cis-catalogue.ts';
import { Detector } from '../../detection/detector.ts';
import { CIS_VERSIONS, DetectorConfigSchema } from '../../schemas/detector-config.ts';
import { sampleJson } from '../helpers/records.ts';

const controlsOf = (file: string, cisVersions: string[]) => {
  const detector = new Detector(DetectorConfigSchema.parse({ cisVersions }));
  const detection = detector.detect(sampleJson(file));
  if (detection.kind !== 'finding') throw new Error(`${file} must give a finding`);
  return detection.finding.controls.map(({ version, id }) => `${version}:${id}`);
};

describe('Controls: CIS AWS Foundations Benchmark', () => {
  it.each([
    { versions: ['1.2.0'], ids: ['1.2.0:1.1', '1.2.0:1.12'] },
    { versions: ['3.0.0'], ids: ['3.0.0:1.7', '3.0.0:1.4'] },
    { versions: ['5.0.0'], ids: ['5.0.0:1.6', '5.0.0:1.3'] },
    { versions: ['7.0.0'], ids: ['7.0.0:2.7', '7.0.0:2.4'] },
    { versions: ['3.0.0', '5.0.0'], ids: ['3.0.0:1.7', '3.0.0:1.4', '5.0.0:1.6', '5.0.0:1.3'] },
  ])('numbers root-key use for CIS $versions', ({ versions, ids }) => {
    expect(controlsOf('access-key/root-access-key-put-bucket-policy.json', versions)).toStrictEqual(ids);
  });

  it.each([
    { versions: ['1.2.0'], ids: ['1.2.0:1.1', '1.2.0:1.13'] },
    { versions: ['6.0.0'], ids: ['6.0.0:2.6', '6.0.0:2.4'] },
  ])('numbers a sign-in without MFA for CIS $versions', ({ versions, ids }) => {
    expect(controlsOf('sign-in/root-console-login-without-mfa.json', versions)).toStrictEqual(ids);
  });

  it('titles the recommendations as the benchmark does', () => {
    // Act
    const detection = new Detector().detect(sampleJson('sign-in/root-console-login-without-mfa.json'));

    // Assess
    expect(detection.kind === 'finding' && detection.finding.controls).toStrictEqual([
      {
        framework: 'CIS AWS Foundations Benchmark',
        version: '3.0.0',
        id: '1.7',
        title: "Eliminate use of the 'root' user for administrative and daily tasks",
      },
      {
        framework: 'CIS AWS Foundations Benchmark',
        version: '3.0.0',
        id: '1.5',
        title: "Ensure MFA is enabled for the 'root' user account",
      },
    ]);
  });

  it('numbers the key-rotation recommendation the posture audit cites, in every version', () => {
    // Act
    const ids = CIS_VERSIONS.map((version) => `${version}:${cisControl('access-key-rotation', version).id}`);

    // Assess
    expect(ids).toStrictEqual([
      '1.2.0:1.4',
      '1.3.0:1.14',
      '1.4.0:1.14',
      '1.5.0:1.14',
      '2.0.0:1.14',
      '3.0.0:1.14',
      '4.0.0:1.14',
      '5.0.0:1.13',
      '6.0.0:2.13',
      '7.0.0:2.12',
    ]);
    expect(cisControl('access-key-rotation', '7.0.0').title).toBe(
      'Ensure access keys are rotated every 90 days or less',
    );
  });

  it('rejects a CIS version it cannot number', () => {
    expect(DetectorConfigSchema.safeParse({ cisVersions: ['8.0.0'] }).success).toBe(false);
  });
});
