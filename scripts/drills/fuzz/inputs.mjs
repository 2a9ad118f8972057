// The bad values the fuzzer draws from. Each list aims at one layer: the JSON parser, the
// schema validator, the id and query coercion, the database (NUL, lone surrogates, SQL
// metacharacters, sizes past column limits) or nginx (encoded paths, huge URIs).
export const MISSING_ID = 2147480000; // an id no drill creates
// Odd strings that still pass a string schema: emoji, bidi overrides, NUL, lone surrogates,
// SQL and format-string metacharacters, numbers the database would choke on, huge sizes.
export const CONTENT = [
  '🧨📦'.repeat(40),
  '\u202Eevil\u202C مرحبا שלום',
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udfff',
  "' OR 1=1 --",
  '1; DROP TABLE items; --',
  '" OR ""="',
  "%' OR '%'='",
  "'; SELECT pg_sleep(3); --",
  '%s%s%n%x',
  '{{7*7}}${7*7}',
  '<script>alert(1)</script>',
  '   ',
  '\u200b',
  'Z̤͔ͧ̑̓ä͖̭̈̇lgo',
  '\\',
  '\r\n\t',
  '9'.repeat(400),
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '١٢٣',
  '1e-400',
  'x'.repeat(5000),
  'x'.repeat(200_000),
  'é'.repeat(300_000),
];
// Percent-encoded query/path values: invalid UTF-8, NUL, traversal.
export const RAW_ENCODED = [
  '%00',
  'a%00b',
  '%ff%fe',
  '%ED%A0%80',
  '%C0%AF',
  '..%2f..%2fetc%2fpasswd',
  '%27%20OR%201%3D1%20--',
  '%25',
  '%',
];
// Path ids the API must refuse (or not find) without a 5xx: not integers, out of range, encoded.
export const BAD_IDS = [
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'abc',
  '%00',
  '..',
  '..%2f..',
  '1.5',
  '0x10',
  '%20',
  '1%20OR%201=1',
  '9007199254740993',
  String(MISSING_ID),
  '%F0%9F%A7%A8',
  // Not UTF-8 once decoded: the router's decodeURIComponent throws before any route runs.
  '%ED%A0%80',
  '%ff',
  '%E0%A4%A',
];
// Query values for integer and pattern parameters (limit, offset, ids); 201 and 1000001 are just
// past the limits.
export const BAD_INT = [
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'abc',
  '1.5',
  '',
  '%00',
  '0x10',
  '%201',
  '201',
  '1000001',
];
export const BAD_DATE = [
  'not-a-date',
  '2026-13-45T25:61:00Z',
  '99999-01-01T00:00:00Z',
  '0000-00-00',
  '1e309',
  '',
  '%00',
  '2026-01-01T00:00:00+99:00',
];
export const BAD_ENUM = ['bogus', 'ACTIVE', '%00', '', 'asc%20', '1'];
// Bodies the JSON parser must refuse; 50,000 `[` are a nesting-depth attack.
export const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"sku":"x",}',
  "{'a':1}",
  '{"a":"\\x"}',
  '{"a":1}{"b":2}',
  '['.repeat(50_000),
  '"\u0000"',
];
// Valid JSON that is not an object, where every body schema is one.
export const NOT_OBJECT = ['[]', '"str"', '123', 'null', 'true', '[{"a":1}]'];
// [content type, body from the request's JSON body]: anything but application/json.
export const WRONG_CT = [
  ['text/plain', (b) => b],
  ['application/x-www-form-urlencoded', () => 'a=1&b=%00'],
  [undefined, (b) => b],
  ['multipart/form-data; boundary=x', () => '--x\r\n\r\n--x--'],
  ['application/xml', () => '<a>1</a>'],
  ['application/vnd.api+json', (b) => b],
];
// Encodings and charsets the body parser does not accept.
export const BAD_ENCODING = [
  { 'content-type': 'application/json', 'content-encoding': 'compress' },
  { 'content-type': 'application/json', 'content-encoding': 'gzip' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-type': 'application/json; charset=latin1' },
];
// Fields no body schema allows, some of them tempting to mass-assign.
export const EXTRA_FIELDS = ['isAdmin', 'id', 'createdAt', 'passwordHash', 'role_', 'zzz'];
// Bodies past the API's shape limits (backend/src/lib/config.ts, requestLimits: nesting 32,
// 1,000 values, strings of 10,000 characters, 100 KB), each from a fraction F in [0, 1) that
// sets how far past: a few KB nested thousands deep once stalled and then killed the API.
// The largest stay under nginx's 1 MB, so the API itself must refuse them (400/413).
export const SHAPE_BOMBS = [
  (f) => '['.repeat(33 + Math.floor(f * 50_000)) + ']'.repeat(33 + Math.floor(f * 50_000)),
  (f) => {
    const n = 33 + Math.floor(f * 40_000);
    return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  },
  (f) => {
    const n = 33 + Math.floor(f * 20_000);
    return `{"name":"x","note":${'['.repeat(n)}${']'.repeat(n)}}`;
  },
  (f) => {
    const n = 1000 + Math.floor(f * 40_000);
    return '{' + Array.from({ length: n }, (_, i) => `"k${i}":0`).join(',') + '}';
  },
  (f) => '[' + '0,'.repeat(1000 + Math.floor(f * 200_000)) + '0]',
  (f) => JSON.stringify({ name: 'x'.repeat(10_001 + Math.floor(f * 300_000)) }),
  (f) => JSON.stringify({ ['k'.repeat(10_001 + Math.floor(f * 50_000))]: 1 }),
];
