import { GetObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { asEventBridgeEvent } from '../detection/delivery/as-eventbridge-event.ts';
import { deliveredByRule } from '../detection/delivery/delivered-by-rule.ts';
import { buildCompletenessDeps, trailClient } from '../handlers/completeness/aws-deps.ts';
import type { CompletenessResult } from '../handlers/completeness/make-completeness-handler.ts';
import {
  makeCompletenessHandler,
  MAX_RESERVE_MS,
} from '../handlers/completeness/make-completeness-handler.ts';
import { loadConfig } from '../handlers/load-config.ts';
import { buildAwsDeps } from '../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../handlers/root-activity/make-handler.ts';
import { inflate } from '../scan/documents/inflate.ts';
import { DEFAULT_READ_LIMITS } from '../scan/documents/read-limits.ts';
import { CompletenessConfigSchema } from '../schemas/completeness-config.ts';
import { createLogger } from '../adapters/logger.ts';
import { LocalAwsEndpoint } from '../test/aws-endpoint/local-aws-endpoint.ts';
import { localCompletenessEnv } from '../test/helpers/aws-clients.ts';
import { REPO_ROOT } from '../test/helpers/paths.ts';
import { fillBucket, startLocalS3 } from '../test/helpers/s3-server.ts';
import { median, secondsSpread } from './lib/measure.ts';
import type { BenchLine } from './lib/report.ts';
import { printTable } from './lib/report.ts';
import { ensureArchive } from './scan/archive.ts';

const settings = {
  /** Uncompressed JSON of the day of trail. */
  megabytes: Number(process.env.ROOTWATCH_BENCH_COMPLETENESS_MB ?? 200),
  rounds: Number(process.env.ROOTWATCH_BENCH_COMPLETENESS_ROUNDS ?? 5),
};

const MB = 1e6;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUCKET = 'org-trail-bench';
const ORG = 'AWSLogs/o-a1b2c3d4e5';
const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
/** Objects read at once, as the function reads them (scanTrail's capacity). */
const READS_IN_FLIGHT = 16;
/** Lambda's longest run, and the part of it a run spends reading (it keeps the rest to report). */
const LAMBDA_MS = 900_000;
const READING_MS = LAMBDA_MS - MAX_RESERVE_MS;
/** One root event in this many that the rule delivers is left out of the live path's records. */
const LEAVE_OUT_EVERY = 25;

/** Yesterday (UTC), as the daily schedule at 01:00 scans it: the live records are written now, as in AWS. */
const END = Math.floor(Date.now() / DAY) * DAY;
const START = END - DAY;
const SCHEDULED = {
  source: 'rootwatch.completeness-schedule',
  scheduledTime: new Date(END + HOUR).toISOString(),
};

interface TimedRound {
  seconds: number;
  cpuSeconds: number;
}

/** Wall and CPU seconds (this process: user and system) of `work`. */
const timed = async <T>(work: () => Promise<T>): Promise<TimedRound & { value: T }> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
};

/**
 * The floor of a run: the same objects listed (one flat listing of the prefix) and each read
 * (GetObject) and gunzipped with the scan's own gunzip, READS_IN_FLIGHT at a time in this thread,
 * with the function's S3 client settings; nothing parsed.
 */
const readFloor = async (env: Record<string, string>): Promise<{ objects: number; bytes: number }> => {
  const client = trailClient(env);
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client }, { Bucket: BUCKET, Prefix: `${ORG}/` })) {
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
  }
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: READS_IN_FLIGHT }, async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        const response = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        const text = inflate(Buffer.from(await response.Body!.transformToByteArray()), DEFAULT_READ_LIMITS);
        bytes += text.kind === 'failed' ? 0 : text.bytes.length;
      }
    }),
  );
  client.destroy();
  return { objects: keys.length, bytes };
};

/**
 * One run of the completeness function for the day before, in-process, built as a container
 * builds it (real SDK clients against the local S3 server and the local endpoint, a context with
 * Lambda's 15 minutes), with the time its trail scan and its read of the live records took.
 */
const completenessRun = async (env: Record<string, string>) => {
  const deps = buildCompletenessDeps(loadConfig(CompletenessConfigSchema, env), env, {
    logger: createLogger({ level: 'silent' }),
    taskRoot: join(REPO_ROOT, 'config'),
  });
  const phases = { scan: 0, records: 0 };
  const handler = makeCompletenessHandler({
    ...deps,
    scanTrail: async (plan, stop) => {
      const started = performance.now();
      const scan = await deps.scanTrail(plan, stop);
      phases.scan = (performance.now() - started) / 1000;
      return scan;
    },
    recorded: {
      recorded: async (span) => {
        const started = performance.now();
        const recorded = await deps.recorded.recorded(span);
        phases.records = (performance.now() - started) / 1000;
        return recorded;
      },
    },
  });
  const deadline = Date.now() + LAMBDA_MS;
  const result: CompletenessResult = await handler(SCHEDULED, {
    awsRequestId: 'bench',
    functionName: 'rootwatch-completeness',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  });
  return { result, phases };
};

/**
 * `npm run bench -- completeness`: one run of the completeness function over a generated day of
 * organisation trail in a local S3 server, against its floor (listing the same objects and reading
 * and gunzipping each, as many at once, in one thread, parsing nothing), interleaved. The live
 * path's records come from the live handler itself, fed every root event the rule delivers but
 * one in LEAVE_OUT_EVERY: each run must find exactly those missed, and be complete.
 */
const runCompletenessSpeed = async (): Promise<BenchLine[]> => {
  const dir = join(REPO_ROOT, '.bench', `completeness-trail-${settings.megabytes}MB`);
  const trail = ensureArchive(dir, settings.megabytes * MB, { start: START, days: 1, root: ORG });
  const s3 = await startLocalS3();
  const endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
  const env = localCompletenessEnv(endpoint.url, s3.endpoint, {
    bucket: BUCKET,
    prefix: `${ORG}/`,
    logGroup: GROUP,
    alertBus: BUS,
  });
  // The SDK reads region, endpoints and credentials from the environment, lazily: set it for the run.
  const saved = { ...process.env };
  Object.assign(process.env, env);

  try {
    await fillBucket(
      s3,
      BUCKET,
      trail.files.map((file) => [relative(dir, file), readFileSync(file)] as const),
    );
    // The live path: EventBridge delivers what the rule matches; the handler records a finding for
    // each root event, and every LEAVE_OUT_EVERY-th (one with no sharedEventID, whose other copy
    // could count as recorded) never reaches it.
    const liveDeps = await buildAwsDeps(process.env, {
      logger: createLogger({ level: 'silent' }),
      taskRoot: join(REPO_ROOT, 'config'),
    });
    const live = makeHandler(liveDeps);
    let findings = 0;
    let recorded = 0;
    let leftOut = 0;
    for (const record of trail.rootRelated) {
      const event = asEventBridgeEvent(record);
      if (!deliveredByRule(event)) continue;
      const isFinding = liveDeps.detector.detect(record).kind === 'finding';
      if (isFinding) findings += 1;
      if (isFinding && findings % LEAVE_OUT_EVERY === LEAVE_OUT_EVERY - 1 && !record.sharedEventID) {
        leftOut += 1;
        continue;
      }
      if ((await live(event)).kind === 'finding') recorded += 1;
    }
    if (leftOut === 0) {
      throw new Error(
        `completeness bench: ${findings} root findings, none left out: ROOTWATCH_BENCH_COMPLETENESS_MB too small`,
      );
    }
    const liveStreams = new Set(endpoint.logs.groups.get(GROUP)!.streams.keys());
    const liveRecords = endpoint.logs.messages(GROUP).length;
    console.log(
      `\ncompleteness scan speed (a day of organisation trail in s3rver: ${trail.files.length} objects, ` +
        `${(trail.bytes / MB).toFixed(0)} MB of JSON, ${(trail.storedBytes / MB).toFixed(0)} MB gzip, ` +
        `${trail.records.toLocaleString('en-US')} records; ${findings} root findings the rule delivers, ` +
        `${recorded} recorded by the live handler (${liveRecords} records), ${leftOut} left out)`,
    );

    const runs: TimedRound[] = [];
    const floors: TimedRound[] = [];
    const results: CompletenessResult[] = [];
    const phases: Array<{ scan: number; records: number }> = [];
    let floorRead = { objects: 0, bytes: 0 };
    // Warm-up round (JIT, the local S3 server's caches), then interleaved rounds.
    for (let round = 0; round <= settings.rounds; round += 1) {
      // Each run starts from the live path's records alone: the previous run recorded the missed ones.
      for (const stream of endpoint.logs.groups.get(GROUP)!.streams.keys())
        if (!liveStreams.has(stream)) endpoint.logs.groups.get(GROUP)!.streams.delete(stream);
      const run = await timed(() => completenessRun(env));
      const floor = await timed(() => readFloor(env));
      results.push(run.value.result);
      floorRead = floor.value;
      if (round === 0) continue;
      runs.push(run);
      floors.push(floor);
      phases.push(run.value.phases);
    }

    const runSeconds = median(runs.map((run) => run.seconds));
    const floorSeconds = median(floors.map((floor) => floor.seconds));
    const rate = trail.bytes / MB / runSeconds;
    const floorRate = floorRead.bytes / MB / floorSeconds;
    const perRun = (megabytesPerSecond: number) =>
      `${((megabytesPerSecond * READING_MS) / 1000 / 1000).toFixed(1)} GB`;
    const cpu = (rounds: readonly TimedRound[]) =>
      `${median(rounds.map((round) => round.cpuSeconds)).toFixed(2)} s CPU`;
    const correct = results.every(
      (result) => result.missed === leftOut && result.complete && result.rootEvents === findings,
    );
    const last = results.at(-1)!;
    // The floor read what the run read: the same objects, the archive's JSON to the byte.
    const sameObjects = floorRead.objects === last.objectsScanned && floorRead.bytes === trail.bytes;
    const lines: BenchLine[] = [
      {
        name: `completeness run vs list + GET + gunzip floor, ${(trail.bytes / MB).toFixed(0)} MB (lower is better)`,
        value: secondsSpread(runs.map((run) => run.seconds)),
        baseline: secondsSpread(floors.map((floor) => floor.seconds)),
        ratio: runSeconds / floorSeconds,
        // What the run adds to reading: the listing by account, Region and day, the root-marker
        // search and record spans of every object, the detector on root records, the live records
        // and the report: at most as much again as the reading itself. (Decoding and parsing every
        // record, which the prefilter avoids, takes about 1.5 times the gunzip on its own.)
        target: '<= 2.00x floor',
        met: runSeconds / floorSeconds <= 2,
      },
      {
        name: 'CPU of this process (user + system), median',
        value: cpu(runs),
        baseline: cpu(floors),
        ratio: median(runs.map((run) => run.cpuSeconds)) / median(floors.map((floor) => floor.cpuSeconds)),
        target: '',
        met: true,
      },
      {
        name: 'uncompressed JSON read per second (higher is better)',
        value: `${rate.toFixed(0)} MB/s`,
        baseline: `${floorRate.toFixed(0)} MB/s`,
        ratio: rate / floorRate,
        target: '',
        met: true,
      },
      {
        name: 'uncompressed JSON read per CPU second of this process',
        value: `${(trail.bytes / MB / median(runs.map((run) => run.cpuSeconds))).toFixed(0)} MB`,
        baseline: `${(floorRead.bytes / MB / median(floors.map((floor) => floor.cpuSeconds))).toFixed(0)} MB`,
        ratio: median(floors.map((floor) => floor.cpuSeconds)) / median(runs.map((run) => run.cpuSeconds)),
        target: '',
        met: true,
      },
      {
        name: `uncompressed JSON one run reads in ${READING_MS / 60_000} of its 15 min, at that rate`,
        value: perRun(rate),
        baseline: perRun(floorRate),
        ratio: rate / floorRate,
        target: '',
        met: true,
      },
      {
        name: 'every run: missed = left out, rootEvents = live findings, complete',
        value: `missed ${last.missed}, rootEvents ${last.rootEvents}, complete ${String(last.complete)}`,
        baseline: `left out ${leftOut} of ${findings}`,
        ratio: correct ? 1 : 0,
        target: 'equal, complete',
        met: correct,
      },
    ];
    printTable(
      `seconds per run, median (min–max) of ${settings.rounds} interleaved rounds after a warm-up, in one thread ` +
        `with ${READS_IN_FLIGHT} reads in flight, on this machine's CPU (${os.cpus().length} cores shared with s3rver; ` +
        `Lambda at 2,048 MiB has about 1.16 vCPU); ${os.loadavg()[0]!.toFixed(1)} load average at the end`,
      lines,
    );
    console.log(
      `  a run: trail scan ${median(phases.map((phase) => phase.scan)).toFixed(2)} s, live records read ` +
        `(FilterLogEvents) ${median(phases.map((phase) => phase.records)).toFixed(3)} s; ` +
        `${last.objectsScanned} objects scanned (floor: ${floorRead.objects}), ${last.accounts} accounts, ${last.alerted} alerted`,
    );
    if (!sameObjects) {
      throw new Error(
        `completeness bench: the floor read ${floorRead.objects} objects, ${floorRead.bytes} bytes; ` +
          `the run scanned ${last.objectsScanned} objects of ${trail.files.length}, ${trail.bytes} bytes`,
      );
    }
    if (!correct) {
      throw new Error(
        `completeness bench: wrong result; expected missed ${leftOut}, rootEvents ${findings}, complete; got ` +
          JSON.stringify(
            results.map(({ missed, rootEvents, complete }) => ({ missed, rootEvents, complete })),
          ),
      );
    }
    return lines;
  } finally {
    process.env = saved;
    await endpoint.stop();
    await s3.stop();
  }
};

export { runCompletenessSpeed };
