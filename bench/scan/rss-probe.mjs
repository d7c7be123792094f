// Loaded with `node --import` into a timed command: at exit, writes the process's peak resident set
// size (all threads: the main one and the workers) in kB to the file named by ROOTWATCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ROOTWATCH_RSS_FILE)
    writeFileSync(process.env.ROOTWATCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
