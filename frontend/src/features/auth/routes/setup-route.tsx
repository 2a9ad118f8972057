import * as z from 'zod/mini';
import { Link, Navigate } from '@/lib/router';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { LoadingState } from '@/components/loading-state';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-errors';
import { useAppForm } from '@/hooks/use-app-form';
import { confirmsPassword, password, requiredText } from '@/lib/form-rules';
import { useSetupStatus } from '../api/get-setup-status';
import { useCompleteSetup } from '../api/complete-setup';
import { useMe } from '../api/get-me';
import { AuthScreen } from '../components/auth-screen';
import { NewPasswordFields } from '../components/new-password-fields';

export function SetupRoute() {
  const me = useMe();
  const setup = useSetupStatus();
  if (me.data) return <Navigate to={paths.home} replace />;
  if (setup.isPending) {
    return (
      <AuthScreen title="Set up Stockroom">
        <LoadingState />
      </AuthScreen>
    );
  }
  if (setup.isError) {
    return (
      <AuthScreen title="Set up Stockroom">
        <QueryErrorState
          error={setup.error}
          onRetry={() => void setup.refetch()}
          retrying={setup.isFetching}
        />
      </AuthScreen>
    );
  }
  if (!setup.data.needsSetup) return <Navigate to={paths.signIn} replace />;
  return (
    <AuthScreen title="Set up Stockroom">
      <p>Create the first administrator account. You can add everyone else afterwards.</p>
      <SetupForm />
    </AuthScreen>
  );
}

const setupSchema = z
  .object({
    setupToken: requiredText('Enter the setup token from the API log.'),
    email: requiredText('Enter an email address.', 254),
    name: requiredText('Enter your name.', 100),
    password,
    confirm: z.string(),
  })
  .check(confirmsPassword('password'));
type SetupValues = z.infer<typeof setupSchema>;

function SetupForm() {
  const complete = useCompleteSetup();
  const state = useAppForm<SetupValues>({
    schema: setupSchema,
    defaultValues: { setupToken: '', email: '', name: '', password: '', confirm: '' },
    codeFields: { SETUP_TOKEN_INVALID: 'setupToken' },
  });
  const error = state.problem?.error;
  const setupDone = error instanceof ApiError && error.code === 'SETUP_DONE';

  // On success the session is set and SetupRoute moves on to the dashboard.
  const submit = (values: SetupValues) =>
    complete.mutateAsync({
      setupToken: values.setupToken.trim(),
      email: values.email.trim(),
      name: values.name.trim(),
      password: values.password,
    });

  return (
    <AppForm state={state} onSubmit={submit} problemTitle="Not set up" guardLeaving={false}>
      {setupDone ? (
        <p>
          <Link to={paths.signIn}>Go to sign in</Link>
        </p>
      ) : null}
      <TextField<SetupValues>
        name="setupToken"
        label="Setup token"
        autoComplete="off"
        spellCheck={false}
        hint={
          <>
            Printed by the API when it starts with no users: run{' '}
            <code>docker compose logs api | grep setup</code>.
          </>
        }
      />
      <TextField<SetupValues> name="email" label="Email" type="email" autoComplete="username" />
      <TextField<SetupValues> name="name" label="Name" autoComplete="name" />
      <NewPasswordFields<SetupValues>
        name="password"
        label="Password"
        confirmLabel="Confirm password"
      />
      <div className="button-row">
        <SubmitButton label="Create admin and sign in" pendingLabel="Setting up…" />
      </div>
    </AppForm>
  );
}
