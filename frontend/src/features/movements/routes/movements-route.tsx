import { EmptyState } from '../../../components/empty-state';
import { Page } from '../../../components/page';

// Placeholder so navigation works before the movements feature lands.
export function MovementsRoute() {
  return (
    <Page title="Movements" description="Stock coming in, going out and moving around.">
      <EmptyState title="Coming soon">
        <p>The movement history is on its way.</p>
      </EmptyState>
    </Page>
  );
}
