import { useState } from 'react';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { Page } from '@/components/page';
import { StatusLine } from '@/components/status-line';
import { useAppForm } from '@/hooks/use-app-form';
import { confirmsPassword, password } from '@/lib/form-rules';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields } from '../components/new-password-fields';

const schema = z
  .object({
    currentPassword: z.string().check(z.minLength(1, 'Enter your current password.')),
    newPassword: password,
    confirm: z.string(),
  })
  .check(confirmsPassword('newPassword'));
type Values = z.infer<typeof schema>;
const EMPTY: Values = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordRoute() {
  const change = useChangePassword();
  const [done, setDone] = useState<string | undefined>();
  // A wrong current password (422 CURRENT_PASSWORD_WRONG) belongs on its field.
  const state = useAppForm<Values>({
    schema,
    defaultValues: EMPTY,
    codeFields: {
      CURRENT_PASSWORD_WRONG: 'currentPassword',
      INVALID_CREDENTIALS: 'currentPassword',
    },
  });

  const submit = async (values: Values) => {
    setDone(undefined);
    await change.mutateAsync({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    state.form.reset(EMPTY);
    setDone('Password changed. You were signed out everywhere else.');
  };

  return (
    <Page title="Change password" description="Changing it signs you out on every other device.">
      <StatusLine>{done}</StatusLine>
      <AppForm
        state={state}
        onSubmit={submit}
        problemTitle="Password not changed"
        className="form card"
      >
        <TextField<Values>
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields<Values> name="newPassword" />
        <div className="button-row">
          <SubmitButton label="Change password" pendingLabel="Changing…" />
        </div>
      </AppForm>
    </Page>
  );
}
