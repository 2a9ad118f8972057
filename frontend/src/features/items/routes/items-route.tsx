import { EmptyState } from '../../../components/empty-state';
import { Page } from '../../../components/page';

// Placeholder so navigation and deep links work before the items feature lands.
export function ItemsRoute() {
  return (
    <Page title="Items" description="Everything you keep in stock.">
      <EmptyState title="Coming soon">
        <p>Item management is on its way.</p>
      </EmptyState>
    </Page>
  );
}
