import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChartModel } from './chart-model';
import { TimeChart } from './time-chart';

const model: ChartModel = {
  x: [1764547200, 1764633600],
  series: [{ label: 'Receive', style: 'line', values: [3, 5] }],
  columns: ['Day', 'Receive'],
  rows: [
    ['1 Dec 2026', '3'],
    ['2 Dec 2026', '5'],
  ],
};

describe('TimeChart', () => {
  it('when the table view is opened from the keyboard, then it lists the chart’s data under its title', async () => {
    const user = userEvent.setup();
    render(
      <TimeChart title="Movements per day" summary="Two days." model={model} timeZone="UTC" />,
    );
    expect(screen.getByRole('figure', { name: 'Movements per day' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Two days.' })).toBeInTheDocument();
    await user.tab();
    expect(screen.getByText('Table view')).toHaveFocus();
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: 'Movements per day' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['DayReceive', '1 Dec 20263', '2 Dec 20265']);
  });
});
