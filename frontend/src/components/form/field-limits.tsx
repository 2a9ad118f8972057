import { createContext, useContext } from 'react';
import { useWatch, type FieldValues, type Path } from 'react-hook-form';

/** The surrounding form's length limits by field name (from its schema; see use-app-form). */
const FieldLimitsContext = createContext<(name: string) => number | undefined>(() => undefined);

export const FieldLimits = FieldLimitsContext.Provider;

/** The limit for NAME: the field's own maxLength, else what the form's schema allows. */
export function useFieldLimit(name: string, own: number | undefined): number | undefined {
  const fromSchema = useContext(FieldLimitsContext);
  return own ?? fromSchema(name);
}

/** "12 of 200 characters" under a field with a limit, following the value as it is typed. */
export function CharacterCounter<V extends FieldValues>({
  name,
  max,
}: {
  name: Path<V>;
  max: number;
}) {
  const value: unknown = useWatch<V>({ name });
  // UTF-16 units, as the maxLength attribute and the schema's check both count.
  const length = typeof value === 'string' ? value.length : 0;
  return (
    <span className={length >= max ? 'field__counter--full' : undefined}>
      {length} of {max} characters
    </span>
  );
}
