/**
 * The "did you mean" of every name a user types: CLI commands and flags (cli/main.ts) and CDK deploy
 * settings (infra/deploy-settings.ts). Here because schemas/ is the one part both may import
 * (layers.config.js): it is a word on a contract's names, with no I/O.
 */

/** Edits (insert, delete, replace) from `a` to `b` (Levenshtein). */
const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
};

/**
 * The name of `names` closest to `typed`, ignoring case, when at most `maxEdits` edits away (and
 * fewer than the name is long, so that `-x` suggests nothing), else the shortest name that `typed`
 * begins (`--alert-min` for `--alert-min-severity`); the first of equals wins.
 */
const closestName = (typed: string, names: readonly string[], maxEdits = 3): string | undefined => {
  const lower = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance > maxEdits || distance >= name.length) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (best) return best.name;
  const begun = names.filter(
    (name) => lower.replace(/^-+/, '').length >= 3 && name.toLowerCase().startsWith(lower),
  );
  return begun.sort((a, b) => a.length - b.length)[0];
};

/** ` (did you mean NAME?)`, or '' when nothing is close. */
const didYouMean = (typed: string, names: readonly string[]): string => {
  const closest = closestName(typed, names);
  return closest ? ` (did you mean ${closest}?)` : '';
};

export { closestName, didYouMean, editDistance };
