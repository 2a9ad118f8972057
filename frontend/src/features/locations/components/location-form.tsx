import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { ApiError } from '../../../lib/api-errors';
import type { Location, LocationTreeNode } from '../../../lib/api-types';
import { useFormErrors } from '../../../hooks/use-form-errors';
import type { FieldErrors } from '../../../lib/problem-fields';

const FIELDS = ['code', 'name', 'description', 'parentId'] as const;
type LocationField = (typeof FIELDS)[number];

// Conflicts without errors[] still belong to a field.
const CODE_FIELDS = {
  LOCATION_CODE_TAKEN: 'code',
  LOCATION_CYCLE: 'parentId',
  LOCATION_NOT_FOUND: 'parentId',
  LOCATION_ARCHIVED: 'parentId',
  PARENT_NOT_FOUND: 'parentId',
  PARENT_ARCHIVED: 'parentId',
} as const;

export interface LocationFormValues {
  code: string;
  name: string;
  description: string;
  parentId: number | null;
}

export function locationFormValues(
  location?: Location,
  parentId?: number | null,
): LocationFormValues {
  return {
    code: location?.code ?? '',
    name: location?.name ?? '',
    description: location?.description ?? '',
    parentId: location ? location.parentId : (parentId ?? null),
  };
}

interface LocationFormProps {
  initialValues: LocationFormValues;
  /** Active locations for the parent select (depth-first, so indentation shows the tree). */
  parents: LocationTreeNode[];
  /** The location being edited, left out of the parent choices (it cannot contain itself). */
  editingId?: number;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: LocationFormValues) => void;
  onCancel?: () => void;
  error: Error | null;
  isPending: boolean;
  autoFocus?: boolean;
}

export function LocationForm({
  initialValues,
  parents,
  editingId,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
  error,
  isPending,
  autoFocus = false,
}: LocationFormProps) {
  const [values, setValues] = useState(initialValues);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) codeRef.current?.focus();
  }, [autoFocus]);
  // Declared after the autofocus effect so focus on a failed submit wins.
  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    FIELDS,
    error,
    CODE_FIELDS,
  );

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors<LocationField> = {};
    if (!values.code.trim()) errors.code = 'Enter a code.';
    else if (/\s/.test(values.code.trim())) errors.code = 'A code cannot contain spaces.';
    if (!values.name.trim()) errors.name = 'Enter a name.';
    if (reportClientErrors(errors)) return;
    onSubmit(values);
  };

  const set = <K extends keyof LocationFormValues>(field: K, value: LocationFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} ref={formRef}>
      {server && !isPending ? (
        <FormAlert
          ref={alertRef}
          title="Not saved"
          detail={server.detail}
          unmatched={server.unmatched}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
      <div className="form-grid">
        <FormField label="Code" error={fieldErrors.code} hint="Short and scannable, e.g. WH1-A-03.">
          {(control) => (
            <input
              {...control}
              ref={codeRef}
              name="code"
              className="input mono"
              value={values.code}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set('code', event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Name" error={fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              name="name"
              className="input"
              value={values.name}
              autoComplete="off"
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Parent"
          error={fieldErrors.parentId}
          hint="Where it sits: a zone in a warehouse, a bin in a zone."
        >
          {(control) => (
            <select
              {...control}
              name="parentId"
              className="input"
              value={values.parentId ?? ''}
              onChange={(event) =>
                set('parentId', event.target.value ? Number(event.target.value) : null)
              }
            >
              <option value="">None (top level)</option>
              {parents
                .filter((parent) => parent.id !== editingId)
                .map((parent) => (
                  <option key={parent.id} value={parent.id}>
                    {'\u00a0\u00a0'.repeat(parent.depth)}
                    {parent.code} — {parent.name}
                  </option>
                ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label="Description" optional error={fieldErrors.description}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            className="input"
            rows={2}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
