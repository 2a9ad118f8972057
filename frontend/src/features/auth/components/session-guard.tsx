import type { ReactNode } from 'react';
import { Navigate, useLocation } from '@/lib/router';
import { LoadingState } from '@/components/loading-state';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { CurrentUserContext } from '@/hooks/use-current-user';
import { useMe } from '../api/get-me';
import { useSetupStatus } from '../api/get-setup-status';
import './auth.css';

/**
 * Wraps every app page. Signed in → the pages, with the user in context. Nobody signed in →
 * first run goes to /setup, otherwise /sign-in?next=<this page>. A 401 from any request
 * clears the session (see lib/query-client.ts), which lands here too.
 */
export function SessionGuard({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const signedOut = me.isSuccess && me.data === null;
  const setup = useSetupStatus(signedOut);

  if (me.isPending || (signedOut && setup.isPending)) {
    return (
      <div className="auth-screen">
        <LoadingState label="Checking your session…" />
      </div>
    );
  }
  const error = me.isError ? me.error : setup.isError ? setup.error : null;
  if (error) {
    return (
      <main className="auth-screen">
        <QueryErrorState
          error={error}
          onRetry={() => void (me.isError ? me.refetch() : setup.refetch())}
          retrying={me.isFetching || setup.isFetching}
        />
      </main>
    );
  }
  if (signedOut) {
    if (setup.data?.needsSetup) return <Navigate to={paths.setup} replace />;
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={paths.signInThenTo(here)} replace />;
  }
  return <CurrentUserContext value={me.data?.user ?? null}>{children}</CurrentUserContext>;
}
