import './labels.css';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { FormField } from '@/components/form-field';
import { ApiError, describeActionError } from '@/lib/api-errors';
import type { LabelGrid, LabelLayout, LabelPreset, LabelSource } from '@/lib/api-types';
import { pluralize } from '@/lib/plural';
import { useLabelLayout, usePrintLabels } from './labels-api';
import { GridFields } from './grid-fields';
import { DEFAULT_GRID, isThermal, LAYOUT_GROUPS } from './layout-options';

interface PrintLabelsProps {
  source: LabelSource;
  /** What is printed, for the panel's heading, e.g. "the 12 items listed". */
  what: string;
}

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
      {open ? <LabelsPanel source={source} what={what} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function LabelsPanel({ source, what, onClose }: PrintLabelsProps & { onClose: () => void }) {
  const saved = useLabelLayout();
  if (saved.isPending) return <p className="muted">Loading your label layout…</p>;
  return (
    <LabelsForm
      source={source}
      what={what}
      onClose={onClose}
      initial={saved.data ?? { preset: 'L7160', qr: true, copies: 1, skip: 0 }}
    />
  );
}

function LabelsForm({
  source,
  what,
  onClose,
  initial,
}: PrintLabelsProps & { onClose: () => void; initial: LabelLayout }) {
  const [preset, setPreset] = useState<LabelPreset>(initial.preset);
  const [grid, setGrid] = useState<LabelGrid>(initial.custom ?? DEFAULT_GRID);
  const [qr, setQr] = useState(initial.qr);
  // Number fields keep what is typed (an emptied field stays empty); the server checks the range.
  const [copies, setCopies] = useState(String(initial.copies));
  const [skip, setSkip] = useState(String(initial.skip));
  const print = usePrintLabels();
  const thermal = isThermal(preset);
  const problem = print.error instanceof ApiError ? print.error : null;
  const fieldErrors = Object.fromEntries(
    (problem?.errors ?? []).map((e) => [e.path.split('.').at(-1) ?? e.path, e.message]),
  );

  return (
    <form
      className="print-labels__panel"
      aria-label={`Print labels for ${what}`}
      onSubmit={(event) => {
        event.preventDefault();
        const layout: LabelLayout = {
          preset,
          ...(preset === 'custom' ? { custom: grid } : {}),
          qr,
          copies: Number(copies || 1),
          skip: thermal ? 0 : Number(skip || 0),
        };
        print.mutate({ source, layout });
      }}
    >
      <p className="print-labels__title">Labels for {what}</p>
      {print.isError ? (
        <FormAlert
          title="No labels this time"
          detail={describeActionError(print.error, 'print labels')}
          requestId={problem?.requestId}
        />
      ) : null}
      <FormField label="Layout" hint="Print the PDF at 100 % (actual size), not “fit to page”.">
        {(control) => (
          <select
            {...control}
            className="input"
            value={preset}
            onChange={(e) => setPreset(e.target.value as LabelPreset)}
          >
            {LAYOUT_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
      {preset === 'custom' ? (
        <GridFields grid={grid} onChange={setGrid} errors={fieldErrors} />
      ) : null}
      {thermal ? null : (
        <FormField
          label="Skip positions"
          hint="Labels already used on the first sheet, counted along the rows."
          error={fieldErrors.skip}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              max={399}
              value={skip}
              onChange={(e) => setSkip(e.target.value)}
            />
          )}
        </FormField>
      )}
      <FormField label="Copies of each label" error={fieldErrors.copies}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={copies}
            onChange={(e) => setCopies(e.target.value)}
          />
        )}
      </FormField>
      <label className="checkbox">
        <input type="checkbox" checked={qr} onChange={(e) => setQr(e.target.checked)} /> QR code
        linking to the page
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={print.isPending}>
          {print.isPending ? 'Making the PDF…' : 'Download PDF'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted" role="status">
        {print.isSuccess ? `Downloaded ${pluralize(print.data.count, 'label', 'labels')}.` : ''}
      </p>
    </form>
  );
}
