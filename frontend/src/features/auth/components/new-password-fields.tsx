import type { FieldValues, Path } from 'react-hook-form';
import { TextField } from '@/components/form/fields';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/passwords';

/**
 * A new password and its confirmation (the field named "confirm"), as setup, a reset link and
 * a change of password all ask for them: the same limits hint and autocomplete hints, so a
 * password manager offers to generate and then save the password.
 */
export function NewPasswordFields<V extends FieldValues>(props: {
  name: Path<V>;
  label?: string;
  confirmLabel?: string;
}) {
  const { name, label = 'New password', confirmLabel = 'Confirm new password' } = props;
  return (
    <>
      <TextField<V>
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
      />
      <TextField<V>
        name={'confirm' as Path<V>}
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
