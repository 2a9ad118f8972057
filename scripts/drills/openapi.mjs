// The API's operations as the drills walk them, from its OpenAPI document: each one names
// the role it needs in `x-required-role`, which fuzz/ and access.mjs test against.
import { readFileSync } from 'node:fs';
import { die } from './cli.mjs';
import { send } from './http.mjs';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

/** [{ method, path, role, query, bodySchema, bodyRequired }] in document order. */
export function operations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, o] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const schema = o.requestBody?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        role: o['x-required-role'] ?? die('drill', `${method} ${path}: no x-required-role`),
        query: (o.parameters ?? []).filter((p) => p.in === 'query'),
        bodySchema: schema,
        bodyRequired: schema
          ? ((schema.oneOf ? schema.oneOf[0].required : schema.required) ?? [])
          : [],
      });
    }
  }
  return ops;
}

/** The OpenAPI document: from FILE when given, else the API's (TOOL dies unless it is 200). */
export async function loadSpec(tool, file) {
  if (file) return JSON.parse(readFileSync(file, 'utf8'));
  const res = await send({ method: 'GET', path: '/api/v1/openapi.json' });
  if (res.status !== 200) die(tool, `GET /api/v1/openapi.json answered ${res.status || res.error}`);
  return JSON.parse(res.body);
}

/**
 * PATH with a real row's id for `{id}`: IDS maps the resource (`items` in
 * /api/v1/items/{id}/stock) to an id; 1 for the others.
 */
export const withId = (path, ids) => path.replace('{id}', String(ids[path.split('/')[3]] ?? 1));
