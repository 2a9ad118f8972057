import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartModel } from './chart-model';

// At least 3:1 against the page (WCAG 1.4.11), light or dark, and told apart by more than hue
// in the legend (each series is named there, with its value at the cursor).
const LIGHT = ['#1f5fbf', '#b3261e', '#1b7f3b', '#8a5a00', '#6a3fb5', '#00727a', '#4d4d4d'];
const DARK = ['#7fb0ff', '#ff8a80', '#6fd38e', '#f0b44c', '#c3a6ff', '#5fd0d8', '#c8c8c8'];
const HEIGHT = 260;

/** Canvas is missing in some environments (jsdom); the table view still has the data. */
const canDraw = () => {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
};

function options(model: ChartModel, timeZone: string, el: HTMLElement): uPlot.Options {
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const COLOURS = dark ? DARK : LIGHT;
  // Axes in the page's text colour, so they read in the dark theme too.
  const text = getComputedStyle(el).color || '#000';
  const axis: uPlot.Axis = { stroke: text, grid: { stroke: 'rgba(128,128,128,0.25)' } };
  return {
    width: el.clientWidth || 320,
    height: HEIGHT,
    axes: [axis, { ...axis, size: 60 }],
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
    // The legend under the plot shows every series' value at the cursor's moment.
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      {},
      ...model.series.map((s, i): uPlot.Series => {
        const colour = COLOURS[i % COLOURS.length]!;
        if (s.style === 'points')
          return {
            label: s.label,
            stroke: colour,
            fill: colour,
            paths: () => null,
            points: { show: true, size: 9, fill: colour, stroke: colour },
          };
        return {
          label: s.label,
          stroke: colour,
          width: i === 0 ? 2.5 : 1.5,
          ...(s.style === 'step' && stepped ? { paths: stepped } : {}),
          points: { show: false },
        };
      }),
    ],
  };
}

/** The canvas chart (uPlot): its own chunk, loaded by TimeChart. Fills its container's width. */
export function UplotChart({ model, timeZone }: { model: ChartModel; timeZone: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    const data = [model.x, ...model.series.map((s) => s.values)] as uPlot.AlignedData;
    const plot = new uPlot(options(model, timeZone, el), data, el);
    // Phones turn and windows resize: redraw at the new width.
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: el.clientWidth, height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [model, timeZone]);
  return <div ref={box} className="chart__plot" />;
}
