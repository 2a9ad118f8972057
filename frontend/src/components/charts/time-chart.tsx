import { Component, lazy, Suspense, useId, type ReactNode } from 'react';
import type { ChartModel } from './chart-model';
import './charts.css';

// uPlot and its canvas code are a chunk of their own, fetched the first time a chart shows
// (docs/decisions/0031): no page's first load carries them.
const UplotChart = lazy(async () => ({ default: (await import('./uplot-chart')).UplotChart }));

/**
 * A chart that fails to load or draw leaves the table. Not the app's ErrorBoundary: that one
 * pulls the router into this chunk's graph, which moved the router out of the first-load entry
 * chunk (0.4 kB more on the dashboard's first load, decision 0019).
 */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <p className="chart__fallback">The chart could not be drawn; see the table.</p>;
  }
}

interface TimeChartProps {
  title: string;
  /** One sentence on what the chart shows, read out in place of the canvas. */
  summary: string;
  model: ChartModel;
  /** The zone x is shown in (UTC for per-day series). */
  timeZone: string;
}

/**
 * A time series drawn with uPlot, with the same data as a table under "Table view": the
 * canvas is an image with a summary for assistive technology, the table is the data.
 */
export function TimeChart({ title, summary, model, timeZone }: TimeChartProps) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <div className="chart__canvas" role="img" aria-label={summary}>
        <ChartBoundary>
          <Suspense fallback={null}>
            <UplotChart model={model} timeZone={timeZone} />
          </Suspense>
        </ChartBoundary>
      </div>
      <details className="chart__table">
        <summary>Table view</summary>
        {/* Focusable: a table wider than a phone scrolls, and keyboards must reach it. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${title}: table`}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {model.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
