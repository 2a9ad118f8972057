// Container HEALTHCHECK without curl: `node dist/healthcheck.js [path]`, exit 0 when healthy.
import { loadConfig } from './lib/config';

// Its own deadline, well inside Docker's 10 s timeout (docker-compose.yml), so a slow answer
// ends as a plain failed check rather than a killed process, even when node starts slowly.
const DEADLINE_MS = 6000;

const path = process.argv[2] ?? '/api/ready';
const { port } = loadConfig();

fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(DEADLINE_MS) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
