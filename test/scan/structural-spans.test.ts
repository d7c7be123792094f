import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordSpans } from '../../scan/record-spans.ts';
import { markerOffsets } from '../../scan/root-marker.ts';
import { scanObject } from '../../scan/scan-object.ts';
import { reusedGunzip } from '../../scan/documents/reused-gunzip.ts';
import { structuralScanner, wasmSpanFinder } from '../../scan/spans/structural-scanner.ts';
import { REPO_ROOT, SHARED_DIR } from '../helpers/paths.ts';

// Built by the suites' global setup (npm run build -- cli), from scan/spans/structural-scan.wat.
const MODULE = readFileSync(join(REPO_ROOT, 'dist/cli/structural-scan.wasm'));
const wasmSpans = wasmSpanFinder(MODULE)!;

const REAL_DIR = join(SHARED_DIR, 'cloudtrail-real');
const realFiles = (readdirSync(REAL_DIR, { recursive: true }) as string[])
  .filter((name) => /\.json(\.gz)?$/.test(name) && !name.endsWith('manifest.json'))
  .map((name) => join(REAL_DIR, name))
  .sort();

/** A small deterministic generator (mulberry32), so that every run tries the same inputs. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Hit sets that reach every part of a file: the marker, each record's start, every 97th byte, the last byte. */
const hitSets = (bytes: Buffer): number[][] => {
  const every = (step: number, from = 0) =>
    Array.from({ length: Math.max(0, Math.ceil((bytes.length - from) / step)) }, (_, at) => from + at * step);
  const versions: number[] = [];
  for (let at = bytes.indexOf('"eventVersion"'); at !== -1; at = bytes.indexOf('"eventVersion"', at + 1))
    versions.push(at);
  return [markerOffsets(bytes), versions, every(97, 12), every(4093, 40), [bytes.length - 1]].filter(
    (hits) => hits.length > 0,
  );
};

const expectSameSpans = (bytes: Buffer) => {
  for (const hits of hitSets(bytes)) expect(wasmSpans(bytes, hits)).toStrictEqual(recordSpans(bytes, hits));
};

describe('Scan: structural spans (WebAssembly) against the JS scan', () => {
  it('has real files to compare on', () => {
    expect(realFiles.length).toBeGreaterThan(200);
  });

  it.each(realFiles.map((file) => ({ file: relative(REAL_DIR, file), path: file })))(
    'gives the same spans on $file, as stored and compact',
    ({ path }) => {
      const raw = readFileSync(path);
      const stored = path.endsWith('.gz') ? gunzipSync(raw) : raw;
      const compact = Buffer.from(JSON.stringify(JSON.parse(stored.toString('utf8'))));
      expectSameSpans(stored);
      expectSameSpans(compact);
    },
  );

  it.each([
    {
      name: 'record-shaped objects nested in a record’s parameters',
      text: `{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"IAMUser"},"requestParameters":{"items":[{},${nested('Root')},[${nested('Root')}]]}},{"eventVersion":"1.08","userIdentity":{"type":"Root"}}]}`,
    },
    {
      name: 'a string holding {"eventVersion": and the marker',
      text: `{"Records":[{"policy":"{\\"eventVersion\\":\\"1.08\\",\\"userIdentity\\":{\\"type\\":\\"Root\\"}}"},{"t":"Root"}]}`,
    },
    {
      name: 'escaped quotes and braces in strings',
      text: '{"Records":[{"a":"}]},{\\"},{\\"t\\":\\"Root\\"}"},{"t":"Root","b":["[{\\"]}"]}]}',
    },
    { name: 'a marker after the Records array', text: '{"Records":[{"a":1}],"t":"Root"}' },
    { name: 'a closing bracket too many', text: '{"Records":[{"a":1}]],{"t":"Root"}]}' },
    { name: 'a scalar element before the record', text: '{"Records":["Root",1,{"t":"Root"}]}' },
    { name: 'a backslash outside a string (invalid JSON)', text: '{"Records":[{"a":1}\\,{"t":"Root"}]}' },
    { name: 'pretty-printed', text: '\n {"Records":[ {\n "t": "Root" },\n\t{"u": "Root"} ]}' },
  ])('gives the same spans on $name', ({ text }) => {
    const bytes = Buffer.from(text);
    expect(wasmSpans(bytes, markerOffsets(bytes))).toStrictEqual(recordSpans(bytes, markerOffsets(bytes)));
    expectSameSpans(bytes);
  });

  it.each([1, 2, 3, 62, 63, 64, 65, 127, 128, 129])(
    'follows a run of %i backslashes at every offset across a 64-byte block',
    (run) => {
      for (let shift = 0; shift < 64; shift += 1) {
        // An even run closes the string at the quote after it; an odd one escapes that quote.
        const text = `{"Records":[{"p":"${'x'.repeat(shift)}${'\\'.repeat(run)}"},{"t":"Root"}]}"},{"u":"Root"}]}`;
        const bytes = Buffer.from(text);
        expect(wasmSpans(bytes, markerOffsets(bytes))).toStrictEqual(
          recordSpans(bytes, markerOffsets(bytes)),
        );
      }
    },
  );

  it('says where a truncated file ends, for every length of a file', () => {
    const text = `{"Records":[{"a":"x\\"}"},${nested('Root')},{"b":[{"c":"\\\\"}]},{"t":"Root","d":"{\\"eventVersion\\":1}"}]}`;
    for (let length = 12; length <= text.length; length += 1) {
      const bytes = Buffer.from(text.slice(0, length));
      const hits = markerOffsets(bytes);
      if (hits.length) expect(wasmSpans(bytes, hits)).toStrictEqual(recordSpans(bytes, hits));
      expectSameSpans(bytes);
    }
  });

  it('gives the same spans on generated log files full of quotes, backslashes and brackets', () => {
    const random = seeded(16);
    const pieces = [
      '"',
      '\\',
      '\\\\',
      '\\"',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      'Root"',
      'a',
      ' ',
      '{"eventVersion":',
    ];
    // JSON.stringify escapes the quotes and backslashes: runs of them, and braces, inside strings.
    const string = () =>
      JSON.stringify(
        Array.from(
          { length: Math.floor(random() * 12) },
          () => pieces[Math.floor(random() * pieces.length)]!,
        ).join(''),
      );
    const value = (depth: number): string => {
      const pick = random();
      if (depth > 4 || pick < 0.4) return pick < 0.2 ? String(Math.floor(random() * 100)) : string();
      if (pick < 0.7)
        return `{${Array.from({ length: Math.floor(random() * 4) }, () => `${string()}:${value(depth + 1)}`).join(',')}}`;
      return `[${Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1)).join(',')}]`;
    };
    for (let file = 0; file < 300; file += 1) {
      const records = Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => `{"t":"Root","v":${value(0)}}`,
      );
      const text = `{"Records":[${records.join(',')}]}`;
      const bytes = Buffer.from(text);
      expect(JSON.parse(text)).toHaveProperty('Records');
      expectSameSpans(bytes);
      // And the same file cut short, or with one byte changed into a quote, backslash or bracket.
      const cut = bytes.subarray(0, 12 + Math.floor(random() * (bytes.length - 12)));
      expectSameSpans(Buffer.from(cut));
      const changed = Buffer.from(bytes);
      changed[12 + Math.floor(random() * (bytes.length - 12))] = '"\\{}[]'.charCodeAt(
        Math.floor(random() * 6),
      );
      expectSameSpans(changed);
    }
  });
});

describe('Scan: structural marker search (WebAssembly) against the JS search', () => {
  const scanner = structuralScanner(MODULE)!;

  it.each(realFiles.map((file) => ({ file: relative(REAL_DIR, file), path: file })))(
    'finds the same markers in $file',
    ({ path }) => {
      const raw = readFileSync(path);
      const text = path.endsWith('.gz') ? gunzipSync(raw) : raw;
      expect(scanner.markers(text)).toStrictEqual(markerOffsets(text));
    },
  );

  it.each([
    { name: 'nothing', text: '' },
    { name: 'a marker alone', text: 'Root"' },
    { name: 'a marker cut at the end', text: '{"type":"Root' },
    { name: 'near misses', text: 'Roo" Rot" root" ROOT" R"oot" RRoot"Root""' },
    { name: 'AssumeRoot and Root', text: '{"eventName":"AssumeRoot","type":"Root"}' },
  ])('finds the same markers in $name', ({ text }) => {
    expect(scanner.markers(Buffer.from(text))).toStrictEqual(markerOffsets(Buffer.from(text)));
  });

  it('finds a marker at every offset across 16- and 64-byte blocks, and at the very end', () => {
    for (let at = 0; at < 140; at += 1) {
      const text = Buffer.from(`${'x'.repeat(at)}Root"${'y'.repeat(140 - at)}Root"`);
      expect(scanner.markers(text)).toStrictEqual([at, at + 5 + 140 - at]);
    }
  });
});

describe('Scan: gunzip into the structural scanner’s memory', () => {
  it('finds the markers and spans of every real gzip file as the JS scans do, copying nothing', () => {
    const scanner = structuralScanner(MODULE)!;
    const gunzip = reusedGunzip(undefined, scanner.allocate);
    const gzips = realFiles.filter((file) => file.endsWith('.gz'));
    expect(gzips.length).toBeGreaterThan(50);
    for (const file of gzips) {
      const raw = readFileSync(file);
      const text = gunzip(raw);
      const expected = gunzipSync(raw);
      expect(text.equals(expected)).toBe(true);
      const hits = scanner.markers(text);
      expect(hits).toStrictEqual(markerOffsets(expected));
      if (hits.length) expect(scanner.spans(text, hits)).toStrictEqual(recordSpans(expected, hits));
    }
  });

  it('keeps what was inflated when the memory grows in the middle of an object', () => {
    const scanner = structuralScanner(MODULE)!;
    const gunzip = reusedGunzip(undefined, scanner.allocate);
    const records = Array.from(
      { length: 120_000 },
      (_, index) =>
        `{"i":${index},"type":"${index % 7 ? 'IAMUser' : 'Root'}","p":"${'\\"'.repeat(index % 5)}"}`,
    );
    const text = Buffer.from(`{"Records":[${records.join(',')}]}`);
    // Two members: the trailer's ISIZE is the small last one's, so the first buffer is too small.
    const raw = Buffer.concat([
      gzipSync(text.subarray(0, text.length - 2)),
      gzipSync(text.subarray(text.length - 2)),
    ]);
    expect(text.length).toBeGreaterThan(4 << 20);
    const inflated = gunzip(raw);
    expect(inflated.equals(text)).toBe(true);
    const hits = scanner.markers(inflated);
    expect(hits).toStrictEqual(markerOffsets(text));
    expect(scanner.spans(inflated, hits)).toStrictEqual(recordSpans(text, hits));
  });

  it('scans a gzip object after a plain one that grew the memory (the kept view is then detached)', () => {
    const scanner = structuralScanner(MODULE)!;
    const tools = {
      gunzip: reusedGunzip(undefined, scanner.allocate),
      markers: scanner.markers,
      spans: scanner.spans,
    };
    const record = (index: number) =>
      `{"eventVersion":"1.08","eventID":"e-${index}","eventTime":"2026-01-05T00:00:00Z","userIdentity":{"type":"Root"}}`;
    const small = Buffer.from(`{"Records":[${record(0)}]}`);
    const large = Buffer.from(
      `{"Records":[${Array.from({ length: 60_000 }, (_, index) => record(index)).join(',')}]}`,
    );
    expect(large.length).toBeGreaterThan(4 << 20);
    for (const [raw, file] of [
      [gzipSync(small), 'a.json.gz'],
      [large, 'large.json'],
      [gzipSync(small), 'b.json.gz'],
      [gzipSync(large), 'large.json.gz'],
    ] as const) {
      expect(scanObject(raw, file, tools)).toStrictEqual(scanObject(raw, file));
    }
  });

  it('scans objects as the default tools do', () => {
    const scanner = structuralScanner(MODULE)!;
    const tools = {
      gunzip: reusedGunzip(undefined, scanner.allocate),
      markers: scanner.markers,
      spans: scanner.spans,
    };
    for (const file of realFiles) {
      const raw = readFileSync(file);
      expect(scanObject(raw, file, tools)).toStrictEqual(scanObject(raw, file));
    }
  });
});

describe('Scan: the span finder an object scan uses', () => {
  it('reads the same records with either finder, and none nested in a record', () => {
    // The outer record is a complete CloudTrail record: anything less would be reported as no record.
    const text = `{"Records":[{"eventVersion":"1.08","eventTime":"2025-06-02T09:14:31Z","eventSource":"s3.amazonaws.com","eventName":"PutObject","userIdentity":{"type":"IAMUser"},"requestParameters":{"items":[${nested('Root')}]}},{"eventVersion":"1.08","userIdentity":{"type":"Root"},"eventID":"e-2"}]}`;
    const withJs = scanObject(Buffer.from(text), 'crafted.json');
    const withWasm = scanObject(Buffer.from(text), 'crafted.json', { spans: wasmSpans });
    expect(withWasm).toStrictEqual(withJs);
    expect(withWasm.items).toStrictEqual([
      {
        kind: 'value',
        position: { file: 'crafted.json', record: 1 },
        value: { eventVersion: '1.08', userIdentity: { type: 'Root' }, eventID: 'e-2' },
      },
    ]);
  });

  it('is not made from bytes that are not the module (the JS scan stays)', () => {
    expect(wasmSpanFinder(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]))).toBeUndefined();
  });
});

function nested(identity: string): string {
  return `{"eventVersion":"1.08","userIdentity":{"type":"${identity}"},"eventSource":"sts.amazonaws.com","eventName":"AssumeRoot"}`;
}
