import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { SelectField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { ROLES, type Role, type User } from '@/lib/api-types';
import { password, requiredText } from '@/lib/form-rules';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/passwords';
import { roleLabels } from '@/lib/permissions';
import { useCreateUser } from '../api/create-user';

const schema = z.object({
  email: requiredText('Enter an email address.', 254),
  name: requiredText('Enter a name.', 100),
  role: z.enum(ROLES as [Role, ...Role[]]),
  password,
});
type Values = z.infer<typeof schema>;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabels[role] }));

interface CreateUserFormProps {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const create = useCreateUser();
  const state = useAppForm<Values>({
    schema,
    defaultValues: { email: '', name: '', role: 'operator', password: '' },
    codeFields: { EMAIL_TAKEN: 'email' },
  });

  const save = async (values: Values) => {
    const user = await create.mutateAsync({
      ...values,
      email: values.email.trim(),
      name: values.name.trim(),
    });
    onCreated(user);
  };

  return (
    <AppForm state={state} onSubmit={save} problemTitle="User not created">
      <div className="form-grid">
        <TextField<Values> name="email" label="Email" type="email" autoComplete="off" />
        <TextField<Values> name="name" label="Name" autoComplete="off" />
        <SelectField<Values> name="role" label="Role" options={ROLE_OPTIONS} />
        <TextField<Values>
          name="password"
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters; share it privately.`}
        />
      </div>
      <div className="button-row">
        <SubmitButton label="Create user" pendingLabel="Creating…" />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </AppForm>
  );
}
