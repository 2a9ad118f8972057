import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { LoadingState } from '../../../components/loading-state';
import { paths, safeNextPath } from '../../../config/paths';
import { ApiError } from '../../../lib/api-errors';
import { formatDuration } from '../../../lib/format-duration';
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

function SignInForm() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (signIn.error) alertRef.current?.focus();
  }, [signIn.error]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      ...(email.trim() ? {} : { email: 'Enter your email address.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    setMissing(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    // On success the session is set and SignInRoute sends the person on to `next`.
    signIn.mutate({ email: email.trim(), password });
  };

  const problem = signIn.error && !signIn.isPending ? signInProblem(signIn.error) : null;
  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {problem ? <FormAlert ref={alertRef} title={problem.title} detail={problem.detail} /> : null}
      <FormField label="Email" error={missing.email}>
        {(control) => (
          <input
            {...control}
            ref={emailRef}
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </FormField>
      <FormField label="Password" error={missing.password}>
        {(control) => (
          <input
            {...control}
            ref={passwordRef}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
