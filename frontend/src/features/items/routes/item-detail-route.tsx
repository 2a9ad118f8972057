import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Page } from '../../../components/page';
import { paths } from '../../../config/paths';

// Exists now so deep links such as /items/42 already render inside the shell.
export function ItemDetailRoute() {
  const { id = '' } = useParams();
  return (
    <Page title={`Item ${id}`}>
      <EmptyState title="Coming soon">
        <p>Item details are on their way.</p>
        <p>
          <Link to={paths.items}>Back to items</Link>
        </p>
      </EmptyState>
    </Page>
  );
}
