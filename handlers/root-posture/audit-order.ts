const DAY_MS = 86_400_000;

/** 0, 1/2, 1/4, 3/4, 1/8, 5/8, …: the bits of `n` mirrored behind the binary point (van der Corput). */
const radicalInverse = (n: number): number => {
  let inverse = 0;
  for (let rest = Math.floor(n), weight = 0.5; rest > 0; rest = Math.floor(rest / 2), weight /= 2)
    if (rest % 2 === 1) inverse += weight;
  return inverse;
};

/**
 * The order of one run's accounts: the function's own first (the organisation's checks are asked
 * there), then the members from a starting point that moves with the run's UTC day. A run that the
 * invocation's time cuts short reaches the first K members; the next days start elsewhere, spread
 * so that any 2^k consecutive days start once in every 2^k-th of the list (the radical inverse of
 * consecutive numbers), and every member is reached within 2^⌈log2(2N/K)⌉ days (N members; tested up to 60).
 * The same day gives the same order, so a retry redoes the accounts its failed run did first.
 */
const auditOrder = (home: string, members: readonly string[], at: Date): string[] => {
  const others = [...new Set(members)].filter((account) => account !== home);
  const start = Math.floor(radicalInverse(Math.floor(at.getTime() / DAY_MS)) * others.length);
  return [home, ...others.slice(start), ...others.slice(0, start)];
};

export { auditOrder, radicalInverse };
