import { describe, expect, it } from 'vitest';
import {
  formatDelta,
  formatQuantity,
  isDecimal,
  isWithinQuantityRange,
  TOO_LARGE_MESSAGE,
} from './quantity';

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

  it('when a quantity is past the declared maximum, then it is out of range; the maximum itself is not', () => {
    expect(isWithinQuantityRange('99999999999.999')).toBe(true);
    expect(isWithinQuantityRange('-99999999999.999')).toBe(true);
    expect(isWithinQuantityRange('000099999999999')).toBe(true);
    expect(isWithinQuantityRange('100000000000')).toBe(false);
    expect(isWithinQuantityRange('-100000000000.5')).toBe(false);
    expect(TOO_LARGE_MESSAGE).toBe('Enter at most 99,999,999,999.999.');
  });

  it('when the server sends a roll-up longer than any one quantity, then it is still formatted exactly', () => {
    expect(formatQuantity('299999999999.997')).toBe('299,999,999,999.997');
  });
});
