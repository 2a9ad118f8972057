import { useRouteError } from '@/lib/router';
import { ErrorState } from '@/components/error-state';
import { usePageTitle } from '@/hooks/use-page-title';

/**
 * Catches render errors in a page. The details go to the console for developers;
 * the person using the app gets a way out instead of a blank screen.
 */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  usePageTitle('Problem');
  return (
    <ErrorState
      title="This page hit a problem"
      message="Something unexpected went wrong. Reloading usually fixes it."
      onRetry={() => window.location.reload()}
    />
  );
}
