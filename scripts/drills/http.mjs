// Raw HTTP for the drills' Node helpers (fuzz.mjs, access.mjs): node:http rather than fetch,
// because fetch normalises paths (`..`), always sets a content type for string bodies and
// refuses some bodies and methods the drills send on purpose. Env: BASE_URL.
import http from 'node:http';

const fail = (msg) => {
  console.error(`drill: error: ${msg}`);
  process.exit(2);
};
export const baseUrl = new URL(process.env.BASE_URL ?? fail('BASE_URL is not set'));
// Sockets are pooled; callers bound their own concurrency.
export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

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
    let req;
    try {
      const h = { ...headers };
      if (body !== undefined) h['content-length'] = Buffer.byteLength(body);
      req = http.request(
        { host: baseUrl.hostname, port: baseUrl.port || 80, method, path, headers: h, agent },
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
