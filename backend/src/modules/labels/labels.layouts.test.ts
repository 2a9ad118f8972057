import { overflow, perPage, place, PRESET_NAMES, PRESETS } from './labels.layouts';

describe('label layouts', () => {
  test.each(PRESET_NAMES)(
    'when the %s grid is laid out, then every label lies on the page',
    (name) => {
      const over = overflow(PRESETS[name]);
      expect(over.x).toBeLessThanOrEqual(0.01);
      expect(over.y).toBeLessThanOrEqual(0.01);
    },
  );

  test('when 25 labels go on L7160 (3 × 7 on A4), then 21 fill the first sheet row by row at Avery pitch and 4 start the second', () => {
    const spots = place(PRESETS.L7160, 25, 0);
    expect(perPage(PRESETS.L7160)).toBe(21);
    expect(spots.filter((s) => s.page === 0)).toHaveLength(21);
    expect(spots.filter((s) => s.page === 1)).toHaveLength(4);
    expect(spots[0]).toEqual({ page: 0, x: 7.21, y: 15.15, width: 63.5, height: 38.1 });
    expect(spots[1]!.x).toBeCloseTo(7.21 + 66.04);
    expect(spots[3]).toMatchObject({ page: 0, x: 7.21 });
    expect(spots[3]!.y).toBeCloseTo(15.15 + 38.1);
    expect(spots[20]!.x + spots[20]!.width).toBeCloseTo(210 - 7.21, 1);
    expect(spots[21]).toEqual({ ...spots[0], page: 1 });
  });

  test('when the first 5 positions of a 5160 sheet are skipped, then the first label takes position 6 (row 2, column 3)', () => {
    const [first] = place(PRESETS['5160'], 1, 5);
    expect(first).toMatchObject({ page: 0, width: 2.625 * 25.4, height: 25.4 });
    expect(first!.x).toBeCloseTo(0.1875 * 25.4 + 2 * 2.75 * 25.4);
    expect(first!.y).toBeCloseTo(0.5 * 25.4 + 25.4);
  });

  test('when skipping fills the first sheet, then the labels continue on the next one', () => {
    const spots = place(PRESETS.L7163, 3, 13);
    expect(spots.map((s) => s.page)).toEqual([0, 1, 1]);
  });

  test.each([
    ['thermal-62mm', 62, 40],
    ['thermal-4x6in', 101.6, 152.4],
    ['thermal-2x1in', 50.8, 25.4],
  ] as const)('when %s labels are laid out, then each page is exactly one label', (name, w, h) => {
    const g = PRESETS[name];
    expect(g.pageWidth).toBeCloseTo(w, 6);
    expect(g.pageHeight).toBeCloseTo(h, 6);
    const spots = place(g, 3, 0);
    expect(spots.map((s) => [s.page, s.x, s.y])).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
    ]);
    for (const s of spots) expect([s.width, s.height]).toEqual([g.pageWidth, g.pageHeight]);
  });
});
