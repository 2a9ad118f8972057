import {
  formatDbDecimal,
  formatMilli,
  MAX_MILLI,
  parseMilli,
  QUANTITY_MAX,
  quantityInput,
} from './quantity';

describe('quantities', () => {
  test('when parsing decimals, then they become exact thousandths', () => {
    expect(parseMilli('12.5')).toBe(12500n);
    expect(parseMilli('0.001')).toBe(1n);
    expect(parseMilli('-3')).toBe(-3000n);
    expect(parseMilli('99999999999.999')).toBe(99999999999999n);
  });

  test('when formatting, then trailing zeros go and the sign stays', () => {
    expect(formatMilli(12500n)).toBe('12.5');
    expect(formatMilli(3000n)).toBe('3');
    expect(formatMilli(-1n)).toBe('-0.001');
    expect(formatMilli(0n)).toBe('0');
  });

  test('when a request sends a number or string, then both parse; floats with noise are refused', () => {
    const q = quantityInput({ min: 'positive' });
    expect(q.parse(5)).toBe(5000n);
    expect(q.parse('0.25')).toBe(250n);
    expect(q.safeParse(0.1 + 0.2).success).toBe(false);
    expect(q.safeParse('1.2345').success).toBe(false);
    expect(q.safeParse('1e3').success).toBe(false);
    expect(q.safeParse(0).error?.issues[0]?.message).toBe('must be greater than 0');
    expect(q.safeParse('123456789012').success).toBe(false);
  });

  test('when a rule forbids zero or negatives, then the message says so', () => {
    expect(quantityInput({ nonZero: true }).safeParse('0').error?.issues[0]?.message).toBe(
      'must not be 0',
    );
    expect(quantityInput({ min: 'non-negative' }).safeParse('-1').error?.issues[0]?.message).toBe(
      'must be 0 or more',
    );
    expect(quantityInput({ min: 'non-negative' }).parse('0')).toBe(0n);
  });

  test('when a value is at the edge of the declared range, then the maximum passes and anything past it says the range', () => {
    expect(QUANTITY_MAX).toBe('99999999999.999');
    expect(formatMilli(MAX_MILLI)).toBe(QUANTITY_MAX);
    const q = quantityInput({ min: 'positive' });
    expect(q.parse(QUANTITY_MAX)).toBe(MAX_MILLI);
    expect(q.parse(99999999999.999)).toBe(MAX_MILLI);
    expect(q.parse('0.001')).toBe(1n);
    const message = (v: unknown) => q.safeParse(v).error?.issues[0]?.message;
    expect(message('100000000000')).toBe(`must be from 0.001 to ${QUANTITY_MAX}`);
    expect(message('99999999999.9991')).toBe('must have at most 3 decimal places');
    expect(message(1e308)).toMatch(/plain decimal number from 0.001 to 99999999999.999/);
    expect(message('1e308')).toMatch(/plain decimal number/);
    expect(message('-0')).toBe('must be greater than 0');
    expect(message(-0)).toBe('must be greater than 0');
    expect(message('9'.repeat(400))).toMatch(/plain decimal number/);
    expect(message('Infinity')).toMatch(/plain decimal number/);
    expect(message(Infinity)).toMatch(/plain decimal number from 0.001 to 99999999999.999/);
    expect(message(true)).toMatch(/plain decimal number from 0.001 to 99999999999.999/);
    expect(quantityInput().safeParse(`-${QUANTITY_MAX}`).data).toBe(-MAX_MILLI);
    expect(quantityInput().safeParse('-100000000000').error?.issues[0]?.message).toBe(
      `must be from -${QUANTITY_MAX} to ${QUANTITY_MAX}`,
    );
  });

  test('when the database returns a sum longer than one quantity, then it still reads back exactly', () => {
    expect(formatDbDecimal('299999999999.997')).toBe('299999999999.997');
    expect(formatDbDecimal('12345678901234567890.500')).toBe('12345678901234567890.5');
    expect(formatDbDecimal('0.000')).toBe('0');
    expect(formatDbDecimal(null)).toBeNull();
  });
});
