import { describe, expect, it } from 'vitest';
import { formatDelta, formatQuantity, isDecimal } from './quantity';

describe('quantity helpers', () => {
  it('when formatting decimal strings, then thousands are grouped and trailing zeros dropped', () => {
    expect(formatQuantity('1234.500')).toBe('1,234.5');
    expect(formatQuantity('0.5')).toBe('0.5');
    expect(formatQuantity('12')).toBe('12');
    expect(formatQuantity('-3')).toBe('−3');
    expect(formatQuantity(null)).toBe('—');
  });

  it('when formatting a delta, then it always carries a sign', () => {
    expect(formatDelta('2')).toBe('+2');
    expect(formatDelta('-0.25')).toBe('−0.25');
  });

  it('when validating input, then up to three decimals are accepted and signs only when asked', () => {
    expect(isDecimal('1.125')).toBe(true);
    expect(isDecimal('1.1255')).toBe(false);
    expect(isDecimal('-2')).toBe(false);
    expect(isDecimal('-2', { signed: true })).toBe(true);
    expect(isDecimal('abc')).toBe(false);
  });
});
