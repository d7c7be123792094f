// Loaded with `node --import` into a timed command: at exit, writes the process's peak resident set
// size in kB and its CPU seconds (all threads: the main one and the workers) to the file named by
// ROOTWATCH_RSS_FILE, as `maxRssKb cpuSeconds`.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.ROOTWATCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.ROOTWATCH_RSS_FILE,
    `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}`,
  );
});
