/**
 * The variables that set a process's clock, time zone and locale: libfaketime's preload and its
 * settings (`npm run test:any-date` runs the suite under them), `TZ`, and the POSIX locale ones.
 * A child given an explicit `env` loses them unless passed on, and then runs on the real clock
 * while this process and the local endpoint run on the faked one.
 */
const CLOCK_TIME_ZONE_AND_LOCALE =
  /^(LD_PRELOAD|DYLD_INSERT_LIBRARIES|DYLD_FORCE_FLAT_NAMESPACE|FAKETIME\w*|TZ|LANG|LANGUAGE|LC_\w+)$/;

/**
 * The environment of a child process that must have only `env` (as a Lambda is configured only by
 * its environment), plus `PATH` and this process's clock, time zone and locale.
 */
const childEnv = (env: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        CLOCK_TIME_ZONE_AND_LOCALE.test(entry[0]) && entry[1] !== undefined,
    ),
  ),
  ...env,
});

export { childEnv, CLOCK_TIME_ZONE_AND_LOCALE };
