import { useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { SelectField, TextField } from '@/components/form/fields';
import { LoadingState } from '@/components/loading-state';
import { useAppForm } from '@/hooks/use-app-form';
import { ROLES, type Role, type User } from '@/lib/api-types';
import { requiredText } from '@/lib/form-rules';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/passwords';
import { roleLabels } from '@/lib/permissions';
import { useCreateUser } from '../api/create-user';
import { useEmailEnabled, useInviteUser } from '../api/invite-user';

const schema = z
  .object({
    email: requiredText('Enter an email address.', 254),
    name: requiredText('Enter a name.', 100),
    role: z.enum(ROLES as [Role, ...Role[]]),
    method: z.enum(['invite', 'password']),
    password: z.string(),
  })
  .check(
    z.refine(
      (v) =>
        v.method === 'invite' ||
        (v.password.length >= PASSWORD_MIN && v.password.length <= PASSWORD_MAX),
      {
        error: `Use ${PASSWORD_MIN}–${PASSWORD_MAX} characters.`,
        path: ['password'],
      },
    ),
  );
type Values = z.infer<typeof schema>;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabels[role] }));
const METHOD_OPTIONS = [
  { value: 'invite', label: 'Email them a link to choose their own' },
  { value: 'password', label: 'Set a first password now' },
];

interface CreateUserFormProps {
  onCreated: (user: User, invited: boolean) => void;
  onCancel: () => void;
}

/**
 * A new user. With email on, the default is an invitation (they choose their own password
 * from a single-use link); the admin can still set a first password, as without email.
 */
export function CreateUserForm(props: CreateUserFormProps) {
  const emailEnabled = useEmailEnabled();
  if (emailEnabled === undefined) return <LoadingState label="Checking whether email is on…" />;
  return <UserForm {...props} emailEnabled={emailEnabled} />;
}

function UserForm({
  onCreated,
  onCancel,
  emailEnabled,
}: CreateUserFormProps & { emailEnabled: boolean }) {
  const create = useCreateUser();
  const invite = useInviteUser();
  const state = useAppForm<Values>({
    schema,
    defaultValues: {
      email: '',
      name: '',
      role: 'operator',
      method: emailEnabled ? 'invite' : 'password',
      password: '',
    },
    codeFields: { EMAIL_TAKEN: 'email' },
  });
  const method = useWatch({ control: state.form.control, name: 'method' });

  const save = async (values: Values) => {
    const base = { email: values.email.trim(), name: values.name.trim(), role: values.role };
    if (values.method === 'invite') onCreated(await invite.mutateAsync(base), true);
    else onCreated(await create.mutateAsync({ ...base, password: values.password }), false);
  };

  return (
    <AppForm state={state} onSubmit={save} problemTitle="User not created">
      <div className="form-grid">
        <TextField<Values> name="email" label="Email" type="email" autoComplete="off" />
        <TextField<Values> name="name" label="Name" autoComplete="off" />
        <SelectField<Values> name="role" label="Role" options={ROLE_OPTIONS} />
        {emailEnabled ? (
          <SelectField<Values> name="method" label="Their password" options={METHOD_OPTIONS} />
        ) : null}
        {method === 'password' ? (
          <TextField<Values>
            name="password"
            label="Initial password"
            type="password"
            autoComplete="new-password"
            hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters; share it privately.`}
          />
        ) : null}
      </div>
      {method === 'invite' ? (
        <p className="field__hint">
          They get an email with a link to choose their password; it works once, for 7 days.
        </p>
      ) : null}
      <div className="button-row">
        <SubmitButton
          label={method === 'invite' ? 'Send invitation' : 'Create user'}
          pendingLabel="Creating…"
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </AppForm>
  );
}
