// Preloaded into each benchmarked Node process (NODE_OPTIONS=--require): on exit, append the
// process's peak RSS (KiB, worker threads included) to the file named by BENCH_RSS_FILE.
const { appendFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
