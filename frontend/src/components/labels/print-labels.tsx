import './labels.css';
import { lazy, Suspense, useState } from 'react';
import type { LabelSource } from '@/lib/api-types';

export interface PrintLabelsProps {
  source: LabelSource;
  /** What is printed, for the panel's heading, e.g. "the 12 items listed". */
  what: string;
}

// The panel (the form layer, the layouts) loads on the first click: the lists that offer
// "Print labels" do not carry it in their first load.
const LabelsPanel = lazy(() => import('./labels-panel'));

/** "Print labels": opens the layout choices; Download gets the PDF from the server. */
export function PrintLabels({ source, what }: PrintLabelsProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="print-labels">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Print labels
      </button>
      {open ? (
        <Suspense fallback={<p className="muted">Loading your label layout…</p>}>
          <LabelsPanel source={source} what={what} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
