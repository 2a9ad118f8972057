import { jsonShapeViolation, type JsonShapeLimits } from './json-shape';

const limits: JsonShapeLimits = { maxDepth: 3, maxValues: 5, maxStringLength: 4 };
const check = (text: string) => jsonShapeViolation(text, limits);

describe('jsonShapeViolation', () => {
  test('when a body stays within every limit, then there is no violation', () => {
    expect(check('{"a":[1,{"b":"abcd"}]}')).toBeUndefined();
    expect(check('[1, 2, 3, 4]')).toBeUndefined();
    expect(check('"abcd"')).toBeUndefined();
    expect(check('{}')).toBeUndefined();
  });

  test('when nesting goes one level past the limit, then the violation is depth', () => {
    expect(check('[[[]]]')).toBeUndefined();
    expect(check('[[[[]]]]')).toEqual({ kind: 'depth', limit: 3 });
    expect(check('{"a":{"b":{"c":{}}}}')).toEqual({ kind: 'depth', limit: 3 });
  });

  test('when brackets sit inside strings, then they are not nesting', () => {
    expect(check('["[[[[", "{{{{"]')).toBeUndefined();
    expect(check('["\\"[[["]')).toBeUndefined();
  });

  test('when a body has more values than the limit, then the violation is values', () => {
    // The body, then four elements: five values.
    expect(check('[1,2,3,4]')).toBeUndefined();
    expect(check('[1,2,3,4,5]')).toEqual({ kind: 'values', limit: 5 });
    expect(check('{"a":1,"b":2,"c":[3,4]}')).toEqual({ kind: 'values', limit: 5 });
    expect(check('[[ ],[],{ }]')).toBeUndefined();
  });

  test('when a string or key is longer than the limit, then the violation is string, counting an escape as one character', () => {
    expect(check('"abcde"')).toEqual({ kind: 'string', limit: 4 });
    expect(check('{"abcde":1}')).toEqual({ kind: 'string', limit: 4 });
    expect(check('"\\u00e9\\n\\"\\\\"')).toBeUndefined();
    expect(check('"\\u00e9\\n\\"\\\\x"')).toEqual({ kind: 'string', limit: 4 });
  });

  test('when the text is malformed, then it is measured without failing (JSON.parse refuses it next)', () => {
    expect(check('"abc')).toBeUndefined();
    expect(check(']]]]{')).toBeUndefined();
    expect(check('"ab\\')).toBeUndefined();
    expect(check('['.repeat(100_000))).toEqual({ kind: 'depth', limit: 3 });
  });
});
