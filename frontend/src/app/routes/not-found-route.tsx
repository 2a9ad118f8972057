import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <Page title="Page not found">
      <EmptyState title="There is nothing at this address">
        <p>The link may be old or mistyped.</p>
        <p>
          <Link to={paths.home}>Go to the dashboard</Link>
        </p>
      </EmptyState>
    </Page>
  );
}
