// Raw HTTP for the drills' Node helpers (fuzz/, access.mjs): node:http rather than fetch,
// because fetch normalises paths (`..`), always sets a content type for string bodies and
// refuses some bodies and methods the drills send on purpose. Env: BASE_URL.
import http from 'node:http';
import { die } from './cli.mjs';

const fail = (msg) => die('drill', msg);
// Read on first use, so --help and offline modes (fuzz --dry-run --spec) need no BASE_URL.
let base;
const baseUrl = () => (base ??= new URL(process.env.BASE_URL ?? fail('BASE_URL is not set')));
// Sockets are pooled; callers bound their own concurrency.
export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** JSON.parse, or undefined for a body that is not JSON (error answers often are not). */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends one raw request; never throws. body: string | Buffer | undefined. */
export function send({ method, path, headers = {}, body }) {
  return new Promise((resolve) => {
    const started = performance.now();
    let done = false;
    const finish = (r) => {
      if (!done) {
        done = true;
        resolve({ ...r, ms: performance.now() - started });
      }
    };
    const { hostname, port } = baseUrl();
    let req;
    try {
      const h = { ...headers };
      if (body !== undefined) h['content-length'] = Buffer.byteLength(body);
      req = http.request(
        { host: hostname, port: port || 80, method, path, headers: h, agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            finish({
              status: res.statusCode,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', (e) => finish({ status: 0, error: `response: ${e.message}` }));
        },
      );
    } catch (e) {
      return finish({ status: -1, error: `client refused to send: ${e.message}` });
    }
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    // A server may answer (e.g. nginx 413) and close before the body is written: the
    // answer counts, the write error after it does not.
    req.on('error', (e) => setTimeout(() => finish({ status: 0, error: e.message }), 50));
    req.end(body);
  });
}

/** Signs in; the headers of that browser session (cookie + CSRF header). */
export async function signIn(email, password) {
  const r = await send({
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = [r.headers?.['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('stockroom_session='));
  if (r.status !== 200 || !cookie)
    fail(`sign-in of ${email} answered ${r.status}: ${r.body ?? r.error}`);
  return { cookie: cookie.split(';')[0], 'x-requested-with': 'stockroom' };
}

/** A JSON request that must succeed; its parsed reply. */
export async function api(auth, method, path, body) {
  const r = await send({
    method,
    path,
    headers: { ...auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status < 200 || r.status > 299)
    fail(`${method} ${path} answered ${r.status}: ${r.body ?? r.error}`);
  return r.body ? JSON.parse(r.body) : undefined;
}

/**
 * An item with stock in a location (one receipt), created as AUTH, so the drills' requests
 * can point at real rows. SKU and code are `TAG-ITEM` and `TAG-LOC`.
 */
export async function stockedItem(auth, tag, label, quantity) {
  const item = await api(auth, 'POST', '/api/v1/items', {
    sku: `${tag}-ITEM`,
    name: `${label} item`,
  });
  const location = await api(auth, 'POST', '/api/v1/locations', {
    code: `${tag}-LOC`,
    name: `${label} bin`,
  });
  const movement = await api(auth, 'POST', '/api/v1/movements', {
    kind: 'receive',
    itemId: item.id,
    toLocationId: location.id,
    quantity,
  });
  return { item, location, movement };
}
