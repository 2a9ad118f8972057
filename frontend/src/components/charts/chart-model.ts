// What a chart draws and what its table view lists, from one object, so the two cannot say
// different things (the table is the chart for screen readers and keyboards).

export interface ChartSeries {
  label: string;
  /** One value per x; null where the series has no point (a marker series). */
  values: (number | null)[];
  /** line: a step line (stock holds its value until the next movement); points: markers only. */
  style: 'step' | 'line' | 'points';
}

export interface ChartModel {
  /** Unix seconds. */
  x: number[];
  series: ChartSeries[];
  /** The table view: a header row and one row of text per x (or fewer, see tableRows). */
  columns: string[];
  rows: string[][];
}
