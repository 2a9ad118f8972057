import { EmptyState } from '../../../components/empty-state';
import { Page } from '../../../components/page';

// Placeholder so navigation works before the locations feature lands.
export function LocationsRoute() {
  return (
    <Page title="Locations" description="Where your stock is kept.">
      <EmptyState title="Coming soon">
        <p>Location management is on its way.</p>
      </EmptyState>
    </Page>
  );
}
