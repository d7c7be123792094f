import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingText } from '../../findings/formats/finding-text.ts';
import { AsffFindingSchema } from '../../schemas/asff-finding.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { OcsfDetectionFindingSchema } from '../../schemas/ocsf-detection-finding.ts';
import { EVENTS_DIR } from '../helpers/paths.ts';
import { sampleJson } from '../helpers/records.ts';
import { runCli } from '../helpers/run-cli.ts';

const run = (...argv: string[]) => runCli(argv);
const sample = (file: string) => join(EVENTS_DIR, file);
const SCHEMAS = { native: FindingSchema, ocsf: OcsfDetectionFindingSchema, asff: AsffFindingSchema };

describe('CLI: --format', () => {
  it.each(['native', 'ocsf', 'asff'] as const)(
    'classify --format %s prints one valid JSON object per root event',
    async (format) => {
      // Act
      const { code, out, err } = await run('classify', '--format', format, sample('sign-in'));

      // Assess
      expect({ code, err }).toStrictEqual({ code: 0, err: [] });
      expect(out).toHaveLength(9);
      for (const line of out) expect(SCHEMAS[format].safeParse(JSON.parse(line)).error).toBeUndefined();
    },
  );

  it('keeps --json as the short form of --format native', async () => {
    // Act
    const json = await run('classify', '--json', sample('console-session'));
    const native = await run('classify', '--format', 'native', sample('console-session'));

    // Assess
    expect(json.out).toStrictEqual(native.out);
    expect(json.out).toHaveLength(9);
  });

  it('puts the input record, as read, in the OCSF evidence', async () => {
    // Prepare
    const record = sampleJson('access-key/root-access-key-put-bucket-policy.json');
    const file = join(mkdtempSync(join(tmpdir(), 'rootwatch-formats-')), 'export.jsonl');
    writeFileSync(file, `${JSON.stringify(record)}\n`);

    // Act
    const { out } = await run('classify', '--format', 'ocsf', file);

    // Assess
    expect(JSON.parse(out[0]!).evidences[0].data).toStrictEqual(record);
  });

  it('imports ASFF into the account and Region given', async () => {
    // Act
    const { out } = await run(
      'classify',
      '--format',
      'asff',
      '--asff-account',
      '999988887777',
      '--asff-region',
      'eu-west-1',
      sample('sign-in/root-console-login-failed.json'),
    );

    // Assess
    expect(JSON.parse(out[0]!)).toMatchObject({
      AwsAccountId: '999988887777',
      ProductArn: 'arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default',
      Resources: [{ Type: 'AwsAccount', Id: 'AWS::::Account:111122223333' }],
    });
  });

  it('prints the readable text with --format text, a blank line after each finding', async () => {
    // Prepare
    const { out: native } = await run('classify', '--json', sample('sign-in/root-console-login-failed.json'));

    // Act
    const { out } = await run(
      'classify',
      '--format',
      'text',
      sample('sign-in/root-console-login-failed.json'),
    );

    // Assess
    expect(out).toStrictEqual([`${findingText(JSON.parse(native[0]!))}\n`]);
  });

  it('prints the summary on stderr with a JSON format, on stdout with text', async () => {
    // Act
    const ocsf = await run('classify', '--format', 'ocsf', '--summary', sample('log-files'));
    const text = await run('classify', '--format', 'text', '--summary', sample('log-files'));

    // Assess
    expect(ocsf.err.join('\n')).toContain('Summary: 6 findings');
    expect(text.out.join('\n')).toContain('Summary: 6 findings');
  });

  it.each([
    { argv: ['--format', 'xml'], message: '--format takes one of native, ocsf, asff, text, not "xml"' },
    {
      argv: ['--json', '--format', 'ocsf'],
      message: '--json is short for --format native: it cannot go with --format ocsf',
    },
    {
      argv: ['--asff-account', '999988887777'],
      message: '--asff-account and --asff-region go with --format asff',
    },
    {
      argv: ['--format', 'asff', '--asff-account', '9999'],
      message: '--asff-account takes a 12-digit account id, not "9999"',
    },
    {
      argv: ['--format', 'asff', '--asff-region', 'Ireland'],
      message: '--asff-region takes an AWS Region, not "Ireland"',
    },
  ])('refuses $argv with exit 2', async ({ argv, message }) => {
    // Act
    const { code, err } = await run('classify', ...argv, sample('sign-in'));

    // Assess
    expect(code).toBe(2);
    expect(err).toStrictEqual([`rootwatch classify: ${message}; see rootwatch classify --help`]);
  });

  it('replay --format ocsf prints each alert as one OCSF line, with the delivered event as evidence, and the summary on stderr', async () => {
    // Prepare
    const records = join(mkdtempSync(join(tmpdir(), 'rootwatch-formats-')), 'records.jsonl');

    // Act
    const { code, out, err } = await run(
      'replay',
      '--format',
      'ocsf',
      '--records',
      records,
      sample('sign-in'),
    );

    // Assess
    expect(code).toBe(0);
    expect(out).toHaveLength(9);
    const findings = out.map((line) => OcsfDetectionFindingSchema.parse(JSON.parse(line)));
    expect(
      findings.map(
        (finding) => (finding.evidences?.[0] as { data: Record<string, unknown> }).data['detail-type'],
      ),
    ).toStrictEqual(Array(9).fill('AWS Console Sign In via CloudTrail'));
    expect(err.join('\n')).toContain('Summary: 9 findings');
  });
});
