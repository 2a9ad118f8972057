import { Suspense } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { LoadingState } from '@/components/loading-state';
import { paths } from '@/config/paths';
import { Route, Switch } from '@/lib/router';
import { lazyPage, PageBoundary } from './lazy-page';
import { RouteError } from './routes/route-error';

// Before anyone is signed in: pages outside the session guard and the app shell.
const SignInRoute = lazyPage(
  async () => (await import('@/features/auth/routes/sign-in-route')).SignInRoute,
);
const SetupRoute = lazyPage(
  async () => (await import('@/features/auth/routes/setup-route')).SetupRoute,
);
const ForgotPasswordRoute = lazyPage(
  async () => (await import('@/features/auth/routes/forgot-password-route')).ForgotPasswordRoute,
);
const SetPasswordRoute = lazyPage(
  async () => (await import('@/features/auth/routes/set-password-route')).SetPasswordRoute,
);
// The shell and its pages load as their own chunk (see app-shell.tsx); the sign-in page,
// which every person opens cold, does without them.
const AppShell = lazyPage(async () => (await import('./app-shell')).AppShell);

// While a page's chunk loads before sign-in: the look of the auth screens.
const authFallback = (
  <div className="auth-screen">
    <LoadingState />
  </div>
);
// While the shell's chunk loads: what the session guard shows while it checks the session,
// which is under way at the same time (app/prefetch.ts).
const shellFallback = (
  <div className="auth-screen">
    <LoadingState label="Checking your session…" />
  </div>
);

/** Every route; mounted by the app with the browser's location and by tests with a memory one. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path={paths.signIn}>
        <PageBoundary fallback={authFallback}>
          <SignInRoute />
        </PageBoundary>
      </Route>
      <Route path={paths.setup}>
        <PageBoundary fallback={authFallback}>
          <SetupRoute />
        </PageBoundary>
      </Route>
      <Route path={paths.forgotPassword}>
        <PageBoundary fallback={authFallback}>
          <ForgotPasswordRoute />
        </PageBoundary>
      </Route>
      {/* Reached from invitation and reset emails, signed in or not. */}
      <Route path={paths.setPassword}>
        <PageBoundary fallback={authFallback}>
          <SetPasswordRoute />
        </PageBoundary>
      </Route>
      <Route>
        {/* The shell's chunk failing to load; the shell catches its own errors. */}
        <ErrorBoundary
          fallback={
            <main className="auth-screen" id="main-content">
              <RouteError />
            </main>
          }
        >
          <Suspense fallback={shellFallback}>
            <AppShell />
          </Suspense>
        </ErrorBoundary>
      </Route>
    </Switch>
  );
}
