import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import type { User } from '@/lib/api-types';
import { describeActionError } from '@/lib/api-errors';
import { password } from '@/lib/form-rules';
import { useResetUserPassword } from '../api/reset-user-password';

const schema = z.object({ password });
type Values = z.infer<typeof schema>;

interface ResetPasswordFormProps {
  user: User;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ResetPasswordForm({ user, onDone, onCancel }: ResetPasswordFormProps) {
  const reset = useResetUserPassword(user.id);
  const state = useAppForm<Values>({
    schema,
    defaultValues: { password: '' },
    describe: (error) => ({
      title: 'Password not reset',
      detail: describeActionError(error as Error, 'reset passwords'),
    }),
  });

  const save = async (values: Values) => {
    await reset.mutateAsync(values.password);
    onDone(`Password reset for ${user.name}; their sessions were ended.`);
  };

  return (
    <AppForm
      state={state}
      onSubmit={save}
      problemTitle="Password not reset"
      className="confirm"
      label={`Reset password of ${user.name}`}
    >
      <TextField<Values>
        name="password"
        label={`New password for ${user.name}`}
        type="password"
        autoComplete="new-password"
      />
      <div className="button-row">
        <SubmitButton label="Set password" pendingLabel="Resetting…" />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </AppForm>
  );
}
