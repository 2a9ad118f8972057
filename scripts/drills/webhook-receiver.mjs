// Drill 08's webhook receiver, run with node inside a container on the stack's network:
//   node -e "$(cat webhook-receiver.mjs)"        (listens on :8080)
// POST /hook records each delivery (webhook-id, receipt time, event timestamp) and answers
// 200 after DELAY ms (POST /mode {"delayMs":N}); it counts a webhook-id arriving while the
// same id is still in flight (a concurrent duplicate). GET /stats summarises; POST /reset;
// POST /mark starts the window of the delivery rate.
import { createServer } from 'node:http';

let delayMs = 10;
let seen = new Map(); // webhook-id -> times received
let inflight = new Set();
let concurrentDuplicates = 0;
let receipts = []; // { at, latencyMs }
let markAt = 0;

const body = (req) =>
  new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

createServer(async (req, res) => {
  const text = await body(req);
  if (req.method === 'POST' && req.url === '/hook') {
    const id = String(req.headers['webhook-id']);
    if (inflight.has(id)) concurrentDuplicates++;
    inflight.add(id);
    const at = Date.now();
    seen.set(id, (seen.get(id) ?? 0) + 1);
    const sent = Date.parse(JSON.parse(text).timestamp);
    receipts.push({ at, latencyMs: at - sent });
    await new Promise((r) => setTimeout(r, delayMs));
    inflight.delete(id);
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method === 'POST' && req.url === '/mode') {
    delayMs = JSON.parse(text).delayMs;
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/mark') {
    markAt = Date.now();
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/reset') {
    seen = new Map();
    inflight = new Set();
    concurrentDuplicates = 0;
    receipts = [];
    res.writeHead(204).end();
    return;
  }
  if (req.url === '/stats') {
    const lat = receipts.map((r) => r.latencyMs).sort((a, b) => a - b);
    const at = receipts.map((r) => r.at);
    const pct = (p) => (lat.length ? lat[Math.floor((lat.length - 1) * p)] : null);
    // Delivery rate since the mark, over the middle 80 % of receipts (the stragglers of an
    // expired lease or the first poll would otherwise decide it).
    const since = at.filter((t) => t >= markAt).sort((a, b) => a - b);
    const t10 = since[Math.floor((since.length - 1) * 0.1)];
    const t90 = since[Math.floor((since.length - 1) * 0.9)];
    const ratePerSecond =
      since.length > 10 && t90 > t10
        ? Math.round((0.8 * since.length) / ((t90 - t10) / 1000))
        : null;
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        received: total,
        distinct: seen.size,
        redelivered: total - seen.size,
        concurrentDuplicates,
        spanMs: at.length ? Math.max(...at) - Math.min(...at) : 0,
        p50Ms: pct(0.5),
        p99Ms: pct(0.99),
        ratePerSecond,
      }),
    );
    return;
  }
  res.writeHead(404).end();
}).listen(8080, '0.0.0.0');
