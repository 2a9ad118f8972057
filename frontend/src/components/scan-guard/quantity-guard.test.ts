import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMovement } from '@/testing/fixtures';
import { checkQuantity, typedAtScannerSpeed, usualMovementSize } from './quantity-guard';
import { useScanTimes } from './use-scan-times';

const item = { sku: 'SKU-1', barcode: '96385074', unit: 'each' as const };
const bin = { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' };
const base = {
  kind: 'receive' as const,
  item,
  locations: [bin],
  typedFast: false,
  usualSize: 5,
  stockHere: null,
};

describe('checkQuantity', () => {
  it('when the value is the item’s barcode or SKU (any case), then it is cleared', () => {
    expect(checkQuantity({ ...base, value: '96385074' }).action).toBe('clear');
    expect(checkQuantity({ ...base, value: ' sku-1 ' }).action).toBe('clear');
  });

  it('when the value is a location code, then it is cleared and the location is named', () => {
    expect(checkQuantity({ ...base, value: 'wh1-a-03' })).toMatchObject({
      action: 'clear',
      location: bin,
    });
  });

  it('when the value arrived at scanner speed, or is over 1,000× the usual size, then it asks', () => {
    expect(checkQuantity({ ...base, value: '12', typedFast: true }).action).toBe('confirm');
    expect(checkQuantity({ ...base, value: '5000' }).action).toBe('post');
    expect(checkQuantity({ ...base, value: '5001' }).action).toBe('confirm');
    expect(checkQuantity({ ...base, kind: 'adjust', value: '-5001' }).action).toBe('confirm');
  });

  it('when counting, then the stock at the location counts as usual too', () => {
    const count = { ...base, kind: 'count' as const, usualSize: 1, stockHere: 50 };
    expect(checkQuantity({ ...count, value: '50000' }).action).toBe('post');
    expect(checkQuantity({ ...count, value: '50001' }).action).toBe('confirm');
  });

  it('when the item has no history, then a default usual size of 100 applies', () => {
    expect(checkQuantity({ ...base, usualSize: null, value: '100000' }).action).toBe('post');
    expect(checkQuantity({ ...base, usualSize: null, value: '100001' }).action).toBe('confirm');
  });
});

describe('usual size and scanner speed', () => {
  it('when movements are known, then the usual size is the median of their sizes', () => {
    const sizes = ['2', '10', '4'].map((quantity) => makeMovement({ quantity }));
    expect(usualMovementSize(sizes)).toBe(4);
    expect(usualMovementSize([])).toBeNull();
  });

  it('when the last four characters came within 35 ms of each other, then it is a scanner', () => {
    expect(typedAtScannerSpeed([0, 10, 20, 30])).toBe(true);
    expect(typedAtScannerSpeed([0, 10, 20])).toBe(false);
    expect(typedAtScannerSpeed([0, 10, 200, 210])).toBe(false);
  });

  it('when a fast value is replaced in one go (a fill or a clear by the form), then it is no longer fast', () => {
    const { result } = renderHook(() => useScanTimes());
    ['9', '96', '963', '9638'].forEach((value, i) => result.current.onInput(value, i * 5));
    expect(result.current.fast()).toBe(true);
    result.current.onInput('4', 1000);
    expect(result.current.fast()).toBe(false);
  });
});
