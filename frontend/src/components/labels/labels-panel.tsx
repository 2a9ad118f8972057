import { useWatch } from 'react-hook-form';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import type { LabelLayout } from '@/lib/api-types';
import { pluralize } from '@/lib/plural';
import { useLabelLayout, usePrintLabels } from './labels-api';
import { GridFields } from './grid-fields';
import { labelFormSchema, toFormValues, toLayout, type LabelFormValues } from './label-form-values';
import { isThermal, LAYOUT_GROUPS } from './layout-options';
import type { PrintLabelsProps } from './print-labels';

export default function LabelsPanel({
  source,
  what,
  onClose,
}: PrintLabelsProps & { onClose: () => void }) {
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
  const print = usePrintLabels();
  const state = useAppForm<LabelFormValues>({
    schema: labelFormSchema,
    defaultValues: toFormValues(initial),
  });
  const preset = useWatch({ control: state.form.control, name: 'preset' });
  const submit = (values: LabelFormValues) =>
    print.mutateAsync({ source, layout: toLayout(values) });

  return (
    <AppForm
      state={state}
      onSubmit={submit}
      problemTitle="No labels this time"
      className="print-labels__panel"
      label={`Print labels for ${what}`}
      guardLeaving={false}
    >
      <p className="print-labels__title">Labels for {what}</p>
      <SelectField<LabelFormValues>
        name="preset"
        label="Layout"
        hint="Print the PDF at 100 % (actual size), not “fit to page”."
        groups={LAYOUT_GROUPS}
      />
      {preset === 'custom' ? <GridFields /> : null}
      {isThermal(preset) ? null : (
        <TextField<LabelFormValues>
          name="skip"
          label="Skip positions"
          hint="Labels already used on the first sheet, counted along the rows."
          type="number"
          inputMode="numeric"
          min={0}
          max={399}
        />
      )}
      <TextField<LabelFormValues>
        name="copies"
        label="Copies of each label"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
      />
      <CheckboxField<LabelFormValues> name="qr" label="QR code linking to the page" />
      <div className="button-row">
        <SubmitButton label="Download PDF" pendingLabel="Making the PDF…" />
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted" role="status">
        {print.isSuccess ? `Downloaded ${pluralize(print.data.count, 'label', 'labels')}.` : ''}
      </p>
    </AppForm>
  );
}
