import { describe, expect, it } from 'vitest';
import type { StockHistory } from '../api/get-item-stock-history';
import { stockHistoryModel } from './stock-history-model';

const point = (
  movementId: number,
  at: string,
  kind: StockHistory['points'][number]['kind'],
  change: string,
  total: string,
  quantities: string[],
  countAdjustment = false,
) => ({ movementId, at, kind, change, total, quantities, countAdjustment });

const history: StockHistory = {
  itemId: 1,
  unit: 'each',
  locations: [
    { id: 10, code: 'A-01', name: 'Bin A1' },
    { id: 11, code: 'B-01', name: 'Bin B1' },
  ],
  start: { total: '4', quantities: ['4', '0'] },
  points: [
    point(7, '2026-11-30T10:00:00.000Z', 'receive', '10', '14', ['14', '0']),
    point(8, '2026-11-30T11:00:00.000Z', 'transfer', '0', '14', ['9', '5']),
    point(9, '2026-11-30T12:00:00.000Z', 'count', '-1.5', '12.5', ['9', '3.5'], true),
  ],
  complete: false,
};

describe('stockHistoryModel', () => {
  it('when older movements are left out, then the series start at the stock before them and count adjustments are marked on the total', () => {
    const model = stockHistoryModel(history, (iso) => iso.slice(11, 16));
    const t = (iso: string) => Date.parse(iso) / 1000;
    expect(model.x).toEqual([
      t('2026-11-30T10:00:00.000Z') - 1,
      t('2026-11-30T10:00:00.000Z'),
      t('2026-11-30T11:00:00.000Z'),
      t('2026-11-30T12:00:00.000Z'),
    ]);
    expect(model.series.map((s) => [s.label, s.values])).toEqual([
      ['Total', [4, 14, 14, 12.5]],
      ['A-01', [4, 14, 9, 9]],
      ['B-01', [0, 0, 5, 3.5]],
      ['Count adjustment', [null, null, null, 12.5]],
    ]);
  });

  it('when shown as a table, then it lists each movement newest first with its change, total and each location', () => {
    const model = stockHistoryModel(history, (iso) => iso.slice(11, 16));
    expect(model.columns).toEqual(['Time', 'Movement', 'Change', 'Total', 'A-01', 'B-01']);
    expect(model.rows).toEqual([
      ['12:00', '#9 Count (count adjustment)', '−1.5', '12.5', '9', '3.5'],
      ['11:00', '#8 Transfer', '+0', '14', '9', '5'],
      ['10:00', '#7 Receive', '+10', '14', '14', '0'],
    ]);
  });

  it('when the history is complete, then it starts at the first movement', () => {
    const model = stockHistoryModel({ ...history, complete: true }, (iso) => iso);
    expect(model.x).toHaveLength(3);
    expect(model.series[0]!.values).toEqual([14, 14, 12.5]);
  });
});
