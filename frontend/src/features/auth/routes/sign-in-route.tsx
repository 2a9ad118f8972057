import * as z from 'zod/mini';
import { Link, Navigate, useSearchParams } from '@/lib/router';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { requiredText } from '@/lib/form-rules';
import { LoadingState } from '@/components/loading-state';
import { paths, safeNextPath } from '@/config/paths';
import { ApiError } from '@/lib/api-errors';
import { formatDuration } from '@/lib/format-duration';
import { useMe } from '../api/get-me';
import { useSetupStatus } from '../api/get-setup-status';
import { useSignIn } from '../api/sign-in';
import { AuthScreen } from '../components/auth-screen';

function signInProblem(error: Error): { title: string; detail: string } {
  if (error instanceof ApiError && error.status === 401) {
    return { title: 'Not signed in', detail: 'Email or password is wrong.' };
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      title: 'Too many attempts',
      detail:
        wait === undefined
          ? 'Too many sign-in attempts. Wait a while, then try again.'
          : `Too many sign-in attempts. Try again in ${formatDuration(wait)}.`,
    };
  }
  if (error instanceof ApiError)
    return { title: 'Not signed in', detail: error.detail ?? error.title };
  return {
    title: 'Not signed in',
    detail: 'Stockroom could not reach its server. Check the connection and try again.',
  };
}

export function SignInRoute() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  const signedOut = me.isSuccess && me.data === null;
  const setup = useSetupStatus(signedOut);

  if (me.data) return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to={paths.setup} replace />;
  return (
    <AuthScreen title="Sign in">
      {me.isPending ? <LoadingState label="Checking your session…" /> : <SignInForm />}
    </AuthScreen>
  );
}

const signInSchema = z.object({
  email: requiredText('Enter your email address.', 254),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});
type SignInValues = z.infer<typeof signInSchema>;

function SignInForm() {
  const signIn = useSignIn();
  const state = useAppForm<SignInValues>({
    schema: signInSchema,
    defaultValues: { email: '', password: '' },
    describe: (error) => signInProblem(error as Error),
  });
  // On success the session is set and SignInRoute sends the person on to `next`.
  const submit = (values: SignInValues) =>
    signIn.mutateAsync({ email: values.email.trim(), password: values.password });

  return (
    <AppForm state={state} onSubmit={submit} problemTitle="Not signed in" guardLeaving={false}>
      <TextField<SignInValues> name="email" label="Email" type="email" autoComplete="username" />
      <TextField<SignInValues>
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
      />
      <div className="button-row">
        <SubmitButton label="Sign in" pendingLabel="Signing in…" />
      </div>
      <p>
        <Link to={paths.forgotPassword}>Forgot password?</Link>
      </p>
    </AppForm>
  );
}
