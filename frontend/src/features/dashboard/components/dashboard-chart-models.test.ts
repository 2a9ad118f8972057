import { describe, expect, it } from 'vitest';
import { belowReorderModel, movementsPerDayModel } from './dashboard-chart-models';

const day = (d: string, receive: number, ship: number, count = 0) => ({
  day: d,
  receive,
  ship,
  transfer: 0,
  adjust: 0,
  count,
});

describe('dashboard chart models', () => {
  it('when movements per day are drawn, then each kind is a series over the UTC days and the table sums each day, newest first', () => {
    const model = movementsPerDayModel({
      data: [day('2026-11-30', 3, 1), day('2026-12-01', 0, 2, 4)],
    });
    expect(model.x).toEqual([Date.UTC(2026, 10, 30) / 1000, Date.UTC(2026, 11, 1) / 1000]);
    expect(model.series.map((s) => [s.label, s.values])).toEqual([
      ['Receive', [3, 0]],
      ['Ship', [1, 2]],
      ['Transfer', [0, 0]],
      ['Adjust', [0, 0]],
      ['Count', [0, 4]],
    ]);
    expect(model.columns).toEqual(['Day', 'Receive', 'Ship', 'Transfer', 'Adjust', 'Count', 'All']);
    expect(model.rows).toEqual([
      ['1 Dec 2026', '0', '2', '0', '0', '4', '6'],
      ['30 Nov 2026', '3', '1', '0', '0', '0', '4'],
    ]);
  });

  it('when low items per day are drawn, then the table lists the same numbers as the line', () => {
    const model = belowReorderModel({
      data: [
        { day: '2026-11-30', items: 1200 },
        { day: '2026-12-01', items: 7 },
      ],
    });
    expect(model.series[0]!.values).toEqual([1200, 7]);
    expect(model.rows).toEqual([
      ['1 Dec 2026', '7'],
      ['30 Nov 2026', '1,200'],
    ]);
  });
});
