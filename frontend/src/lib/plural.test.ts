import { describe, expect, it } from 'vitest';
import { pluralize } from './plural';

describe('pluralize', () => {
  it('when the count is one, then the singular word follows it', () => {
    expect(pluralize(1, 'item', 'items')).toBe('1 item');
  });

  it('when the count is zero or many, then the plural word follows the grouped count', () => {
    expect(pluralize(0, 'item', 'items')).toBe('0 items');
    expect(pluralize(2, 'location', 'locations')).toBe('2 locations');
    expect(pluralize(1204, 'entry', 'entries')).toBe('1,204 entries');
  });
});
