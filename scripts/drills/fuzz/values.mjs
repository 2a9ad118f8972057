// Values from a JSON schema: valid ones to build a request that would pass (so one mutation
// is the only thing wrong with it) and wrong-typed ones. `pick` is the seeded chooser.

/** The JSON types a schema allows ('any' when it names none). */
export function typesOf(schema = {}) {
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).flatMap(typesOf);
  return [schema.type ?? 'any'].flat();
}

/** A value of a type SCHEMA does not allow, or undefined when it allows anything. */
export function wrongValue(schema, pick) {
  const t = typesOf(schema);
  const candidates = [
    ['object', { $ne: 1 }],
    ['array', [1, 'a']],
    ['boolean', true],
    ['string', 'not-this-type'],
    ['number', 1.5],
    ['integer', -7],
  ].filter(
    ([k]) => !t.includes(k) && !t.includes('any') && !(k === 'integer' && t.includes('number')),
  );
  return candidates.length ? pick(candidates)[1] : undefined;
}

/** A valid value for field NAME; ids point at the fixtures' rows. */
export function validValue(name, schema, fx) {
  if (schema.oneOf) return validValue(name, schema.oneOf[0], fx);
  if (schema.anyOf) return validValue(name, schema.anyOf.find((s) => s.type !== 'null') ?? {}, fx);
  if (schema.enum) return schema.enum[0];
  const t = [schema.type].flat()[0];
  if (/itemId/.test(name)) return fx.itemId;
  if (/LocationId|parentId/.test(name)) return fx.locationId;
  if (t === 'integer') return Math.max(schema.minimum ?? 1, 5);
  if (t === 'number') return 1;
  if (t === 'boolean') return true;
  if (/email/i.test(name)) return `fuzz-${name}@example.com`;
  if (/password/i.test(name)) return 'fuzz-password-123';
  if (/^(sku|code)$/.test(name)) return 'FUZZ-VALID';
  if (/quantity/i.test(name)) return '1';
  if (/idempotencyKey/.test(name)) return 'fuzz-key';
  return 'fuzz';
}

/** A valid body for SCHEMA (one of its oneOf variants), with its properties and required. */
export function baseBody(schema, fx, pick) {
  const s = schema.oneOf ? pick(schema.oneOf) : schema;
  const body = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) body[k] = validValue(k, v, fx);
  return { body, props: s.properties ?? {}, required: s.required ?? [] };
}
