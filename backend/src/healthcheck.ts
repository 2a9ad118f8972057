// Container HEALTHCHECK without curl: `node dist/healthcheck.js [path]`, exit 0 when healthy.
import { loadConfig } from './lib/config';

const path = process.argv[2] ?? '/api/ready';
const { port } = loadConfig();

fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
