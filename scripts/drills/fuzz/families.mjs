// The mutation families: for one operation, every way the fuzzer breaks a request, each
// a function that builds the request parts from the seeded PRNG. Their order and every
// call to `pick`/`rnd` are what a seed replays: reorder nothing here without re-recording.
import { anchorFor } from './anchors.mjs';
import {
  BAD_DATE,
  BAD_ENCODING,
  BAD_ENUM,
  BAD_IDS,
  BAD_INT,
  CONTENT,
  EXTRA_FIELDS,
  MALFORMED_JSON,
  MISSING_ID,
  NOT_OBJECT,
  RAW_ENCODED,
  SHAPE_BOMBS,
  WRONG_CT,
} from './inputs.mjs';
import { boundaryValues, numericFields, withRawField } from './boundary.mjs';
import { baseBody, typesOf, validValue, wrongValue } from './values.mjs';
import { withId } from '../openapi.mjs';

export const isWrite = (m) => m !== 'GET';
const enc = (s) => encodeURIComponent(s);

/**
 * Every family that applies to OP sent by WHO ('admin' | 'anon'): name => () => request parts
 * ({ path, body, method?, contentType?, headers?, noCsrf? }), or undefined when the family
 * cannot break this request after all. FX: the fixtures (ids of real rows).
 */
export function families(op, fx, pick, rnd, who) {
  const anchor = anchorFor(op, fx);
  const hasBody = Boolean(op.bodySchema);
  const anchored = !isWrite(op.method) || anchor !== null;
  const pathFor = (id) => op.path.replace('{id}', String(id));
  // Real rows for reads and for writes with guaranteed errors; the anchor's id otherwise.
  const ids = {
    items: fx.itemId,
    locations: fx.locationId,
    movements: fx.movementId,
    users: fx.userId,
    'api-tokens': fx.tokenId,
  };
  const realPath = () => withId(op.path, ids);
  const validQuery = () =>
    op.query.length
      ? '?' +
        op.query
          .filter(() => rnd() < 0.3)
          .map((p) => `${p.name}=${enc(String(validValue(p.name, p.schema, fx)))}`)
          .join('&')
      : '';
  const jsonParts = (mutateBody, { useAnchor }) => {
    const base = hasBody
      ? baseBody(op.bodySchema, fx, pick)
      : { body: {}, props: {}, required: [] };
    let path = realPath();
    if (useAnchor && anchor) {
      Object.assign(base.body, anchor.set ?? {});
      if (anchor.id) path = pathFor(anchor.id);
    }
    const body = mutateBody(base);
    // The query is drawn even when the mutation gave up, so a seed's sequence stays the same.
    const fullPath = path + (op.method === 'GET' ? validQuery() : '');
    return body === undefined ? undefined : { path: fullPath, body };
  };
  const J = (body) => (typeof body === 'string' ? body : JSON.stringify(body));
  const out = {};
  // Guaranteed refusals: apply to any target, real ids included.
  if (hasBody) {
    out['wrong-type'] = () =>
      jsonParts(
        (b) => {
          const names = Object.keys(b.props);
          const name = pick(names);
          const w = wrongValue(b.props[name], pick);
          if (w === undefined) return undefined;
          return J({ ...b.body, [name]: w });
        },
        { useAnchor: false },
      );
    out['extra-field'] = () =>
      jsonParts(
        (b) => J({ ...b.body, [pick(EXTRA_FIELDS)]: pick([true, 1, 'x', null, { a: 1 }]) }),
        { useAnchor: false },
      );
    out['not-an-object'] = () => jsonParts(() => pick(NOT_OBJECT), { useAnchor: false });
    out['wrong-content-type'] = () => {
      const [ct, f] = pick(WRONG_CT);
      const p = jsonParts((b) => J(b.body), { useAnchor: false });
      return { ...p, body: f(p.body), contentType: ct };
    };
  }
  if (hasBody && op.bodyRequired.length > 0) {
    out['missing-field'] = () =>
      jsonParts(
        (b) => {
          const copy = { ...b.body };
          for (const r of b.required) if (rnd() < 0.6 || r === b.required[0]) delete copy[r];
          return J(copy);
        },
        { useAnchor: false },
      );
  }
  // Body-parser refusals (before any route): any operation, with or without a body schema.
  out['malformed-json'] = () => ({
    ...jsonParts(() => pick(MALFORMED_JSON), { useAnchor: false }),
    contentType: 'application/json',
  });
  out['bad-encoding'] = () => ({
    ...jsonParts(() => '{"a":1}', { useAnchor: false }),
    headers: pick(BAD_ENCODING),
  });
  if (isWrite(op.method)) {
    out['oversized'] = () => ({
      ...jsonParts(
        () => JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1 + Math.floor(rnd() * 500_000)) }),
        { useAnchor: false },
      ),
    });
    // Every write reads its body (with or without a body schema): nested too deep, too
    // many values or too long a string; refused before parsing (check.mjs).
    out['shape-bomb'] = () => ({
      ...jsonParts(() => pick(SHAPE_BOMBS)(rnd() ** 2), { useAnchor: false }),
      contentType: 'application/json',
    });
    if (who === 'admin' && op.role !== 'public')
      out['no-csrf-header'] = () => ({
        ...jsonParts((b) => J(b.body), { useAnchor: false }),
        noCsrf: true,
      });
  }
  if (op.path.includes('{id}')) {
    out['bad-path-id'] = () => {
      const p = jsonParts((b) => J(b.body), { useAnchor: false });
      return {
        ...p,
        path: op.path.replace('{id}', pick(BAD_IDS)) + (op.method === 'GET' ? validQuery() : ''),
      };
    };
  }
  if (op.query.length) {
    out['bad-query'] = () => {
      const p = op.query
        .map((q) => {
          const t = typesOf(q.schema);
          const bad = q.schema.enum
            ? pick(BAD_ENUM)
            : q.schema.format === 'date-time'
              ? pick(BAD_DATE)
              : t.includes('integer') || q.schema.pattern
                ? pick(BAD_INT)
                : rnd() < 0.5
                  ? pick(RAW_ENCODED)
                  : enc(
                      pick(CONTENT)
                        .slice(0, 3000)
                        .replace(/[\ud800-\udfff]/g, ''),
                    );
          return `${q.name}=${bad}`;
        })
        .filter(() => rnd() < 0.6);
      if (p.length === 0) p.push(`${op.query[0].name}=%00`);
      if (rnd() < 0.3) p.push(`${op.query[0].name}=1`, `${op.query[0].name}=2`); // repeated
      if (rnd() < 0.2) p.push('__proto__=x', 'constructor=1', 'x[y]=1');
      return { path: realPath() + '?' + p.join('&') };
    };
  }
  // Content: odd but schema-valid strings. Reads take them anywhere; writes only with an
  // anchor, so they reach the database and are still refused.
  const stringProps = (props) =>
    Object.keys(props).filter((k) => typesOf(props[k]).includes('string'));
  if (hasBody && anchored) {
    out['content'] = () =>
      jsonParts(
        (b) => {
          const names = stringProps(b.props).filter((k) => !(anchor?.keep ?? []).includes(k));
          if (!names.length) return undefined;
          const body = { ...b.body };
          for (const n of names) if (rnd() < 0.5 || n === names[0]) body[n] = pick(CONTENT);
          return J(body);
        },
        { useAnchor: true },
      );
    out['empty-object'] = () => jsonParts(() => '{}', { useAnchor: true });
  }
  if (!hasBody && isWrite(op.method) && anchored) {
    out['unexpected-body'] = () => ({
      ...jsonParts(() => pick(['{"force":true}', 'garbage', '[]', '', '\ufeff{}']), {
        useAnchor: true,
      }),
      contentType: pick(['text/plain', 'application/json', undefined]),
    });
  }
  // Boundary numbers (boundary.mjs), as the admin: what they test is validation. A value
  // inside the range goes only to reads and to anchored writes, so no write is accepted.
  if (who === 'admin' && hasBody) {
    out['boundary-number'] = () => {
      let boundary;
      const p = jsonParts(
        (b) => {
          const fields = numericFields(b.props).filter(([n]) => !(anchor?.keep ?? []).includes(n));
          if (!fields.length) return undefined;
          const [field, schema] = pick(fields);
          const v = pick(boundaryValues(schema).filter((x) => x.expect === 'invalid' || anchored));
          boundary = { field, kind: v.kind, text: v.text, expect: v.expect };
          // A transfer's base body has the same place at both ends; move the other end away
          // (the anchor refuses it anyway) so only the boundary value is judged.
          const body = { ...b.body };
          const other = { fromLocationId: 'toLocationId', toLocationId: 'fromLocationId' }[field];
          if ('fromLocationId' in body && 'toLocationId' in body)
            body[other ?? 'toLocationId'] = MISSING_ID;
          return withRawField(body, field, v.text);
        },
        { useAnchor: true },
      );
      return p && { ...p, boundary };
    };
  }
  const rangedQuery = op.query.filter((q) => boundaryValues(q.schema, { inQuery: true }).length);
  if (who === 'admin' && op.method === 'GET' && rangedQuery.length) {
    out['boundary-query'] = () => {
      const q = pick(rangedQuery);
      const v = pick(boundaryValues(q.schema, { inQuery: true }));
      return {
        path: `${realPath()}?${q.name}=${enc(v.text)}`,
        boundary: { field: q.name, kind: v.kind, text: v.text, expect: v.expect },
      };
    };
  }
  // Methods the route does not have.
  out['wrong-method'] = () => ({
    path: realPath(),
    method: pick(['PUT', 'TRACE', 'PROPFIND', 'FOO', 'OPTIONS']),
  });
  return out;
}
