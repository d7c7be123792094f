import { setFlagsFromString } from 'node:v8';

/**
 * V8's tiering for a scan: TurboFan later than its defaults, which are made for long-lived pages.
 * In a scan of a gigabyte the main thread's per-object code (listing, replies, detection) became
 * hot enough for TurboFan, whose compile jobs took 0.15 s of CPU on the helper threads and never
 * paid it back: with the thresholds below they fall to the gunzip floor's 0.03 s, the scan's CPU
 * time by 7% and its wall time by 5% (Node 20, 2 workers, docs/speed.md), and a 4 GB scan is no
 * slower. The flags differ by V8 version (V8 12 counts invocations, V8 11 a bytecode budget); an
 * unknown flag is printed as an error by V8, so only the versions measured get any: others keep
 * V8's defaults.
 */
const tieringFlagsFor = (v8Version: string): string | undefined => {
  const major = Number.parseInt(v8Version, 10);
  if (major === 11) return '--interrupt-budget=600000';
  if (major === 12) return '--invocation-count-for-turbofan=12000 --invocation-count-for-osr=3200';
  return undefined;
};

/** Sets the scan's tiering for this process and its workers (V8 flags are process-wide); before any worker starts. */
const useScanTiering = (): void => {
  const flags = tieringFlagsFor(process.versions.v8);
  if (flags) setFlagsFromString(flags);
};

export { tieringFlagsFor, useScanTiering };
