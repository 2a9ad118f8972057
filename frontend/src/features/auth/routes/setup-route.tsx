import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { LoadingState } from '../../../components/loading-state';
import { QueryErrorState } from '../../../components/query-error-state';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-errors';
import { useFormErrors } from '../../../hooks/use-form-errors';
import type { FieldErrors } from '../../../lib/problem-fields';
import { useSetupStatus } from '../api/get-setup-status';
import { useCompleteSetup } from '../api/complete-setup';
import { useMe } from '../api/get-me';
import { AuthScreen } from '../components/auth-screen';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../../lib/passwords';

const FIELDS = ['setupToken', 'email', 'name', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

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

function SetupForm() {
  const complete = useCompleteSetup();
  const [values, setValues] = useState<Record<Field, string>>({
    setupToken: '',
    email: '',
    name: '',
    password: '',
    confirm: '',
  });

  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    FIELDS,
    complete.error,
    { SETUP_TOKEN_INVALID: 'setupToken' },
  );
  const setupDone = complete.error instanceof ApiError && complete.error.code === 'SETUP_DONE';

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearError(field);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (!values.setupToken.trim()) errors.setupToken = 'Enter the setup token from the API log.';
    if (!values.email.trim()) errors.email = 'Enter an email address.';
    if (!values.name.trim()) errors.name = 'Enter your name.';
    const weak = passwordProblem(values.password);
    if (weak) errors.password = weak;
    if (values.confirm !== values.password) errors.confirm = 'The passwords do not match.';
    if (reportClientErrors(errors)) return;
    // On success the session is set and SetupRoute moves on to the dashboard.
    complete.mutate({
      setupToken: values.setupToken.trim(),
      email: values.email.trim(),
      name: values.name.trim(),
      password: values.password,
    });
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} ref={formRef}>
      {server && !complete.isPending ? (
        <FormAlert
          ref={alertRef}
          title="Not set up"
          detail={server.detail}
          unmatched={server.unmatched}
        />
      ) : null}
      {setupDone ? (
        <p>
          <Link to={paths.signIn}>Go to sign in</Link>
        </p>
      ) : null}
      <FormField
        label="Setup token"
        error={fieldErrors.setupToken}
        hint={
          <>
            Printed by the API when it starts with no users: run{' '}
            <code>docker compose logs api | grep setup</code>.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            name="setupToken"
            className="input mono"
            autoComplete="off"
            spellCheck={false}
            value={values.setupToken}
            onChange={set('setupToken')}
          />
        )}
      </FormField>
      <FormField label="Email" error={fieldErrors.email}>
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            className="input"
            autoComplete="username"
            value={values.email}
            onChange={set('email')}
          />
        )}
      </FormField>
      <FormField label="Name" error={fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            className="input"
            autoComplete="name"
            value={values.name}
            onChange={set('name')}
          />
        )}
      </FormField>
      <FormField
        label="Password"
        error={fieldErrors.password}
        hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
      >
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            className="input"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
          />
        )}
      </FormField>
      <FormField label="Confirm password" error={fieldErrors.confirm}>
        {(control) => (
          <input
            {...control}
            name="confirm"
            type="password"
            className="input"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
          />
        )}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button" disabled={complete.isPending}>
          {complete.isPending ? 'Setting up…' : 'Create admin and sign in'}
        </button>
      </div>
    </form>
  );
}
