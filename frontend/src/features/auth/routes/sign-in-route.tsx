import { Navigate, useSearchParams } from '@/lib/router';
import { LoadingState } from '@/components/loading-state';
import { paths, safeNextPath } from '@/config/paths';
import { useMe } from '../api/get-me';
import { useSetupStatus } from '../api/get-setup-status';
import { AuthScreen } from '../components/auth-screen';
import { SignInForm } from '../components/sign-in-form';

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
