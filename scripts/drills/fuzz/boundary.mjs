// Boundary numbers (issue 10): values at and just past the range each numeric field and query
// parameter declares in the OpenAPI document (minimum, maximum, multipleOf, not 0), plus the
// forms a number can take in JSON text that no range admits (1e308, 1e99999, a number as a
// string where only numbers go). Each value says what the API must do with it:
//   - 'invalid': outside the declared range, so refused by validation: 400 VALIDATION_FAILED;
//   - 'valid': inside it, so NOT refused by validation. A read then answers 2xx; a write is
//     anchored (anchors.mjs) and refused for that other reason, so the database stays as it
//     was (drill 04 compares it) and an accepted write is still a finding.
// So the API, its database columns (an anchored insert still converts every value to its
// column type) and its document are checked to agree on the range.

const NUMERIC = ['number', 'integer'];
const typeList = (s) => [s?.type ?? []].flat();

/** The numeric part of a field's schema (a branch of anyOf/oneOf), or undefined. */
export function numericBranch(schema = {}) {
  if (typeList(schema).some((t) => NUMERIC.includes(t))) return schema;
  return (schema.anyOf ?? schema.oneOf ?? []).find((s) =>
    typeList(s).some((t) => NUMERIC.includes(t)),
  );
}

const acceptsString = (schema = {}) =>
  typeList(schema).includes('string') ||
  (schema.anyOf ?? schema.oneOf ?? []).some((s) => typeList(s).includes('string'));

/** Decimal places a value must fit in: 0 for integers, multipleOf's for decimals. */
function placesOf(branch) {
  if (typeList(branch).includes('integer')) return 0;
  const step = branch.multipleOf;
  if (step === undefined) return undefined;
  const m = /\.(\d+)$/.exec(String(step));
  return m ? m[1].length : 0;
}

/** Decimal text → BigInt in units of 10^-places (exact; no float arithmetic). */
function scaled(text, places) {
  const [, sign, whole, frac = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  const v = BigInt(whole + frac.padEnd(places, '0').slice(0, places));
  return sign ? -v : v;
}

function unscaled(v, places) {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = places ? `.${digits.slice(-places)}` : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/**
 * [{ kind, text, expect }] for one field: TEXT is the value as it goes into the JSON body
 * (or query), EXPECT 'valid' | 'invalid'. IN_QUERY: query values are text, parsed by the
 * server (no JSON forms; strings are the only form).
 */
export function boundaryValues(schema, { inQuery = false } = {}) {
  const branch = numericBranch(schema);
  if (!branch || branch.minimum === undefined || branch.maximum === undefined) return [];
  const places = placesOf(branch) ?? 3;
  const lo = scaled(String(branch.minimum), places);
  const hi = scaled(String(branch.maximum), places);
  const zeroOk = lo <= 0n && hi >= 0n && branch.not?.const !== 0;
  const text = (v) => unscaled(v, places);
  const out = [
    { kind: 'max', text: text(hi), expect: 'valid' },
    { kind: 'min', text: text(lo), expect: 'valid' },
    { kind: 'max+ε', text: text(hi + 1n), expect: 'invalid' },
    { kind: 'min-ε', text: text(lo - 1n), expect: 'invalid' },
    // One place more than allowed, inside the range: only the precision is wrong.
    {
      kind: 'too-many-decimals',
      text: `${text(lo > 0n ? lo : hi > 0n ? 1n : lo)}1`,
      expect: 'invalid',
    },
    // Query values are plain digits, so "-0" is refused there whatever the range.
    { kind: 'negative-zero', text: '-0', expect: zeroOk && !inQuery ? 'valid' : 'invalid' },
  ];
  if (places === 0) out[4].text = `${text(lo)}.5`;
  if (inQuery) return out;
  const str = acceptsString(schema);
  return [
    ...out,
    { kind: '1e308', text: '1e308', expect: 'invalid' },
    { kind: 'huge-exponent', text: '1e99999', expect: 'invalid' },
    { kind: 'huge-negative-exponent', text: '-1e99999', expect: 'invalid' },
    { kind: 'exponent-string', text: '"1e3"', expect: 'invalid' },
    { kind: 'max-as-string', text: JSON.stringify(text(hi)), expect: str ? 'valid' : 'invalid' },
    { kind: 'max+ε-as-string', text: JSON.stringify(text(hi + 1n)), expect: 'invalid' },
    { kind: 'hex-string', text: '"0x10"', expect: 'invalid' },
    { kind: 'grouped-string', text: '"1,000"', expect: 'invalid' },
  ];
}

/** Body fields with a declared numeric range: [[name, schema]]. */
export const numericFields = (props) =>
  Object.entries(props).filter(([, s]) => boundaryValues(s).length > 0);

/** BODY (an object) as JSON text with field NAME set to the raw JSON TEXT. */
export function withRawField(body, name, text) {
  const marker = '\u0000boundary\u0000';
  return JSON.stringify({ ...body, [name]: marker }).replace(JSON.stringify(marker), text);
}

/**
 * What is wrong with answer RES to boundary request R, or null. An invalid value must be a
 * 400 VALIDATION_FAILED; a valid one must get past validation (a 5xx is reported elsewhere).
 */
export function boundaryIssue(r, res, problem) {
  if (!r.boundary || res.status <= 0 || res.status >= 500) return null;
  const { field, kind, text, expect } = r.boundary;
  const what = `${field}=${text} (${kind})`;
  const refusedByValidation = res.status === 400 && problem?.code === 'VALIDATION_FAILED';
  if (expect === 'invalid' && !refusedByValidation)
    return `${what} is outside the declared range but was answered ${res.status} ${problem?.code ?? ''}`.trim();
  // Only this field's own errors count: the rest of the body may be refused for its own reasons.
  const own = (problem?.errors ?? []).filter((e) => e?.path === field);
  if (expect === 'valid' && refusedByValidation && own.length)
    return `${what} is inside the declared range but was refused: ${own.map((e) => e.message).join('; ')}`;
  return null;
}
