import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { SelectField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import type { ImportField, ImportResource } from '@/lib/api-types';
import { useSetImportMapping } from '../api/import-actions';

/** Every field a column can feed, in the order a sheet usually has them. */
const FIELDS: { field: ImportField; label: string }[] = [
  { field: 'sku', label: 'SKU' },
  { field: 'name', label: 'Name' },
  { field: 'description', label: 'Description' },
  { field: 'unit', label: 'Unit' },
  { field: 'barcode', label: 'Barcode' },
  { field: 'reorderPoint', label: 'Reorder point' },
  { field: 'category', label: 'Category' },
  { field: 'location', label: 'Location' },
  { field: 'quantity', label: 'Quantity' },
];

const column = z.string(); // '' = not imported, else the 0-based column index
const schema = z.object({
  sku: column,
  name: column,
  description: column,
  unit: column,
  barcode: column,
  reorderPoint: column,
  category: column,
  location: column,
  quantity: column,
  stockAs: z.enum(['count', 'receive']),
  mode: z.enum(['all-or-nothing', 'valid-rows']),
});
type Values = z.infer<typeof schema>;

const STOCK_OPTIONS = [
  { value: 'count', label: 'Count: the quantity is what is on the shelf' },
  { value: 'receive', label: 'Receive: the quantity arrives on top of the stock' },
];
const MODE_OPTIONS = [
  { value: 'all-or-nothing', label: 'All or nothing: any problem stops the import' },
  { value: 'valid-rows', label: 'Valid rows only: import them, report the rest' },
];

function defaultsOf(resource: ImportResource): Values {
  const mapping = resource.mapping ?? resource.suggestedMapping;
  const columns = Object.fromEntries(
    FIELDS.map(({ field }) => [field, mapping.columns[field]?.toString() ?? '']),
  ) as Record<ImportField, string>;
  return {
    ...columns,
    stockAs: mapping.stockAs ?? 'count',
    mode: mapping.mode ?? 'all-or-nothing',
  };
}

/** Step 2: which column feeds which field (guessed from the header names), and how. */
export function MappingForm({
  resource,
  onMapped,
}: {
  resource: ImportResource;
  onMapped: () => void;
}) {
  const save = useSetImportMapping();
  const state = useAppForm<Values>({ schema, defaultValues: defaultsOf(resource) });
  const columnOptions = [
    { value: '', label: 'Not imported' },
    ...resource.headers.map((header, index) => ({
      value: String(index),
      label: header.trim() || `Column ${index + 1}`,
    })),
  ];

  const submit = async (values: Values) => {
    const columns = Object.fromEntries(
      FIELDS.filter(({ field }) => values[field] !== '').map(({ field }) => [
        field,
        Number(values[field]),
      ]),
    );
    await save.mutateAsync({
      id: resource.id,
      mapping: { columns, stockAs: values.stockAs, mode: values.mode },
    });
    onMapped();
  };

  return (
    <AppForm
      state={state}
      onSubmit={submit}
      problemTitle="Columns not accepted"
      guardLeaving={false}
      label="Columns and options"
    >
      <fieldset className="import-fieldset">
        <legend>Which column holds each field</legend>
        <div className="form-grid">
          {FIELDS.map(({ field, label }) => (
            <SelectField<Values> key={field} name={field} label={label} options={columnOptions} />
          ))}
        </div>
      </fieldset>
      <fieldset className="import-fieldset">
        <legend>Options</legend>
        <SelectField<Values> name="stockAs" label="Quantities are" options={STOCK_OPTIONS} />
        <SelectField<Values> name="mode" label="When rows have problems" options={MODE_OPTIONS} />
      </fieldset>
      <SubmitButton label="Check the rows" pendingLabel="Checking…" />
    </AppForm>
  );
}
