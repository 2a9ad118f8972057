import { useState } from 'react';
import { Link, useLocation } from '@/lib/router';
import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { useAppForm } from '@/hooks/use-app-form';
import { ApiError } from '@/lib/api-errors';
import { confirmsPassword, password } from '@/lib/form-rules';
import { useSetPasswordWithLink } from '../api/password-links';
import { AuthScreen } from '../components/auth-screen';
import { NewPasswordFields } from '../components/new-password-fields';

const schema = z.object({ password, confirm: z.string() }).check(confirmsPassword('password'));
type Values = z.infer<typeof schema>;

/** The token rides in the fragment (#token=…), which browsers never send to a server. */
function tokenFrom(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LINK_INVALID')
    return {
      title: 'This link no longer works',
      detail:
        'It has expired or was already used. Ask for a new one with "Forgot password?" on the sign-in page, or ask an admin to invite you again.',
    };
  if (error instanceof ApiError)
    return { title: 'Password not set', detail: error.detail ?? error.title };
  return {
    title: 'Password not set',
    detail: 'Stockroom could not reach its server. Check the connection and try again.',
  };
}

/** Where invitation and reset emails land: choose a password, then sign in. */
export function SetPasswordRoute() {
  const token = tokenFrom(useLocation().hash);
  const setPassword = useSetPasswordWithLink();
  const [done, setDone] = useState(false);
  const state = useAppForm<Values>({
    schema,
    defaultValues: { password: '', confirm: '' },
    describe,
  });
  const submit = async (values: Values) => {
    await setPassword.mutateAsync({ token, password: values.password });
    setDone(true);
  };

  return (
    <AuthScreen title="Choose your password">
      {done ? (
        <>
          <StatusLine>Password set. You were signed out everywhere else.</StatusLine>
          <p>
            <Link to={paths.signIn}>Sign in</Link>
          </p>
        </>
      ) : !token ? (
        <p role="alert">
          This page needs the link from your email. Open the link again, or ask for a new one with{' '}
          <Link to={paths.forgotPassword}>Forgot password?</Link>
        </p>
      ) : (
        <AppForm
          state={state}
          onSubmit={submit}
          problemTitle="Password not set"
          guardLeaving={false}
        >
          <NewPasswordFields<Values> name="password" />
          <div className="button-row">
            <SubmitButton label="Set password" pendingLabel="Setting…" />
          </div>
        </AppForm>
      )}
    </AuthScreen>
  );
}
