#!/usr/bin/env node
// Load generator for the failure drills: N clients post movements (each with its own
// Idempotency-Key) and read, through the real stack, while a drill breaks something.
//
//   node scripts/drills/load/main.mjs run --out FILE [options]    (BASE_URL and LOAD_TOKEN in the env)
//   node scripts/drills/load/main.mjs stats FILE [--since EPOCH_MS]
//
// run options: --clients N (24)  --duration S (until stopped)  --stop-file PATH  --ready-file PATH
//   --items N (4) --locations N (3): created first (SKU/code <run>-I1...), or reuse --item-ids
//   1,2 --location-ids 3,4   --read-share F (0.25)   --timeout-ms MS (10000) per request
//   --deadline-s S (120) per key   --think-ms MS (0): mean pause between a client's requests
//   --run NAME (prefix of every key, SKU and code)
//   --poll PATH --poll-ms MS (100): also GET PATH every MS (e.g. /api/ready), op "p"
// It stops starting movements at --duration, when --stop-file exists, or on SIGTERM/SIGINT;
// keys already started are still retried (same key, same body) until the answer is
// definitive or their deadline passes: network errors, timeouts and 5xx are not definitive,
// 2xx and 4xx are. A second signal abandons them. FILE (JSON) holds every key's final
// outcome, every 2xx movement id, every request as [startMs, durationMs, op, status, error]
// and a summary. stats prints figures from FILE as "name value" lines (times in ms; --since
// restricts them to requests still running at or started after that moment).
import { die, parseArgs, usage } from '../cli.mjs';
import { run } from './run.mjs';
import { stats } from './stats.mjs';

const opts = parseArgs('load', process.argv.slice(2));
if (opts.help || !opts._[0]) {
  process.stdout.write(`${usage(import.meta.url)}\n`);
  process.exit(opts.help ? 0 : 2);
}
if (opts._[0] === 'run') await run(opts);
else if (opts._[0] === 'stats') stats(opts);
else die('load', `unknown command '${opts._[0]}' (run or stats)`);
