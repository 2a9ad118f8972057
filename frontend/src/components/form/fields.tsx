import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import {
  get,
  useFormContext,
  useFormState,
  type FieldValues,
  type Path,
  type RegisterOptions,
} from 'react-hook-form';
import { FormField } from '../form-field';
import { CharacterCounter, useFieldLimit } from './field-limits';
import { ScanInput } from './scan-input';

// Fields of the one form layer: each is registered by name with the surrounding <AppForm>,
// carries its label, hint and error (FormField wires them for screen readers) and its limits.

interface FieldProps<V extends FieldValues> {
  name: Path<V>;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  /** Extra register options, e.g. onChange to clear state that depends on the value. */
  rules?: Pick<RegisterOptions<V, Path<V>>, 'onChange' | 'onBlur'>;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'className'>;

/** The message for NAME: a client check or the server's refusal. */
function useFieldError<V extends FieldValues>(name: Path<V>): string | undefined {
  const { errors } = useFormState<V>({ name });
  const error = get(errors, name) as { message?: string } | undefined;
  return error?.message;
}

/** Free text (not passwords, emails or numbers) shows how much of its limit is used. */
function counterFor<V extends FieldValues>(name: Path<V>, max: number | undefined, shown: boolean) {
  return max !== undefined && shown ? <CharacterCounter<V> name={name} max={max} /> : undefined;
}

export function TextField<V extends FieldValues>(props: FieldProps<V> & InputProps) {
  const { name, label, hint, optional, className, rules, ...input } = props;
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const max = useFieldLimit(name, input.maxLength);
  const plainText = (input.type ?? 'text') === 'text' && input.inputMode === undefined;
  return (
    <FormField
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
      counter={counterFor(name, max, plainText)}
    >
      {(control) => (
        <input
          className="input"
          {...input}
          maxLength={max}
          {...control}
          {...register(name, rules)}
        />
      )}
    </FormField>
  );
}

export function TextAreaField<V extends FieldValues>(
  props: FieldProps<V> & { rows?: number; maxLength?: number },
) {
  const { name, label, hint, optional, className, rules, ...textarea } = props;
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const max = useFieldLimit(name, textarea.maxLength);
  return (
    <FormField
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
      counter={counterFor(name, max, true)}
    >
      {(control) => (
        <textarea
          className="input"
          {...textarea}
          maxLength={max}
          {...control}
          {...register(name, rules)}
        />
      )}
    </FormField>
  );
}

/**
 * A decimal typed as text (so "0.5" and "-2" survive as typed): the unit, once known, is in
 * the label, and phones get a decimal keypad unless the value may be negative (no minus key).
 * With `whole` (a unit that cannot be split) phones get the digits-only keypad instead. It
 * stays a text input, not type=number with step=1: a scanner's code typed into it must
 * arrive intact to be recognised, and the form's own check says why a fraction is refused.
 */
export function NumberField<V extends FieldValues>(
  props: FieldProps<V> &
    InputProps & { unit?: string | undefined; signed?: boolean; whole?: boolean },
) {
  const { unit, signed, whole, label, ...rest } = props;
  return (
    <TextField
      {...rest}
      label={
        unit ? (
          <>
            {label} ({unit})
          </>
        ) : (
          label
        )
      }
      autoComplete="off"
      inputMode={signed ? 'text' : whole ? 'numeric' : 'decimal'}
      maxLength={props.maxLength ?? 24}
    />
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectGroup {
  label: string;
  options: readonly SelectOption[];
}

const optionsOf = (options: readonly SelectOption[]) =>
  options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));

/** A choice from OPTIONS, or from GROUPS of options (shown as <optgroup>s). */
export function SelectField<V extends FieldValues>(
  props: FieldProps<V> &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'className'> &
    (
      | { options: readonly SelectOption[]; groups?: never }
      | { groups: readonly SelectGroup[]; options?: never }
    ),
) {
  const { name, label, hint, optional, className, rules, options, groups, ...select } = props;
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  return (
    <FormField label={label} hint={hint} error={error} optional={optional} className={className}>
      {(control) => (
        <select className="input" {...select} {...control} {...register(name, rules)}>
          {groups
            ? groups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {optionsOf(group.options)}
                </optgroup>
              ))
            : optionsOf(options)}
        </select>
      )}
    </FormField>
  );
}

/** A checkbox inside its label (a bigger target), with its hint and error linked. */
export function CheckboxField<V extends FieldValues>(props: FieldProps<V>) {
  const { name, label, hint, className, rules } = props;
  const id = useId();
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          aria-describedby={describedBy.join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          {...register(name, rules)}
        />{' '}
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A code for scanners and keyboards: Enter means "look it up", never "submit the form". */
export function CodeField<V extends FieldValues>(
  props: FieldProps<V> &
    InputProps & { onEnter: () => void; fallbackError?: string | undefined; cameraLabel?: string },
) {
  const {
    name,
    label,
    hint,
    optional,
    className,
    rules,
    onEnter,
    fallbackError,
    cameraLabel,
    ...input
  } = props;
  const { register } = useFormContext<V>();
  const error = useFieldError(name) ?? fallbackError;
  return (
    <FormField label={label} hint={hint} error={error} optional={optional} className={className}>
      {(control) => (
        <ScanInput
          maxLength={200}
          {...input}
          {...control}
          {...register(name, rules)}
          onEnter={onEnter}
          cameraLabel={cameraLabel ?? (typeof label === 'string' ? label : undefined)}
        />
      )}
    </FormField>
  );
}
