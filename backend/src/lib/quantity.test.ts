import { formatMilli, parseMilli, quantityInput } from './quantity';

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
});
