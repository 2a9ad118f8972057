// The bench's plain reference server: node:http + pg and hand-written SQL, the practical
// ceiling for a Node API on this data (issue 12, decision record 0015). It serves the
// operations `npm run bench` measures, with the same authentication as the product (an API
// token's SHA-256 looked up among live tokens of active users, or a session cookie's), the
// product's locks and writes for every movement post it serves (reference-movements.mjs), the
// product's item reads (reference-items.mjs), and JSON shaped like the product's. Never
// shipped: the bench's compose override (scripts/bench/compose.bench.yml) mounts this directory
// into a container of the api image, which already holds `pg`.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { pool, q } from './reference-db.mjs';
import { itemStock, listItems } from './reference-items.mjs';
import { postAtOnePlace, transfer } from './reference-movements.mjs';

async function identify(req) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const hash = createHash('sha256').update(bearer).digest('hex');
    const { rows } = await q(
      'auth-token',
      `select t.id, t.name as token_name, t.scope, u.id as user_id, u.name as user_name, u.role
       from api_tokens t join users u on u.id = t.created_by
       where t.token_hash = $1 and t.revoked_at is null and t.disabled_at is null and u.active`,
      [hash],
    );
    return rows[0];
  }
  const cookie = /(?:^|;\s*)stockroom_session=([A-Za-z0-9_-]{43})/.exec(
    req.headers.cookie ?? '',
  )?.[1];
  if (!cookie) return undefined;
  const id = createHash('sha256').update(cookie).digest('hex');
  const { rows } = await q(
    'auth-session',
    `select s.user_id, u.name as user_name, u.role from sessions s join users u on u.id = s.user_id
     where s.id = $1 and s.expires_at > now() and u.active
       and s.last_seen_at + make_interval(mins => coalesce((select (value #>> '{}')::int from app_settings
         where key = 'setting.session_idle_timeout_minutes'), 480)) > now()`,
    [id],
  );
  return rows[0];
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

async function route(req, url) {
  const who = await identify(req);
  if (!who) return [401, { code: 'UNAUTHENTICATED' }];
  if (req.method === 'GET' && url.pathname === '/api/v1/items')
    return [200, await listItems(url.searchParams)];
  const stock = /^\/api\/v1\/items\/(\d+)\/stock$/.exec(url.pathname);
  if (req.method === 'GET' && stock) {
    const body = await itemStock(Number(stock[1]));
    return body ? [200, body] : [404, { code: 'ITEM_NOT_FOUND' }];
  }
  if (req.method === 'POST' && url.pathname === '/api/v1/movements') {
    if (who.role === 'viewer') return [403, { code: 'FORBIDDEN' }];
    const key = req.headers['idempotency-key'] ?? null;
    const minimal = url.searchParams.get('rows') === 'ledger';
    const body = await readBody(req);
    if (['receive', 'ship', 'adjust'].includes(body.kind))
      return [201, await postAtOnePlace(who, body, key)];
    return [201, await transfer(who, body, key, minimal)];
  }
  return [404, { code: 'NOT_FOUND' }];
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://reference');
  const reply = ([status, body]) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': status < 400 ? 'application/json' : 'application/problem+json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };
  if (url.pathname === '/api/ready') return reply([200, { status: 'ready' }]);
  route(req, url).then(reply, (error) => {
    if (!error.status) console.error(error);
    reply([error.status ?? 500, { code: error.status === 409 ? 'INSUFFICIENT_STOCK' : 'ERROR' }]);
  });
});
// Longer than nginx's upstream keepalive, like the product (server.ts).
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3000), () =>
  console.log(`reference server listening on port ${server.address().port}`),
);
process.on('SIGTERM', () => server.close(() => pool.end()));
