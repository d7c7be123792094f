/** `1234567` → `1.2 MB` (decimal units, as S3 and disk tools print them). */
const formatBytes = (bytes: number): string => {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};

/** `0.4167` → `42%`; null (nothing to divide) → `-`. */
const formatShare = (share: number | null): string => (share === null ? '-' : `${Math.round(share * 100)}%`);

export { formatBytes, formatShare };
