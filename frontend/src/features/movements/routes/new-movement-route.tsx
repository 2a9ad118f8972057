import { useState } from 'react';
import { Page } from '@/components/page';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { MOVEMENT_KINDS, type MovementKind } from '@/lib/api-types';
import { MovementForm } from '../components/movement-form';
import '../components/movements.css';

function readKind(value: string | null): MovementKind {
  return MOVEMENT_KINDS.find((kind) => kind === value) ?? 'receive';
}

export function NewMovementRoute() {
  const [params, updateParams] = useSearchParamUpdater();
  const urlKind = readKind(params.get('kind'));
  // The radio answers a click at once; the URL (kept for reload and links) follows a moment
  // later, since a navigation is asynchronous. Until it has, the click is what shows.
  const [clicked, setClicked] = useState<MovementKind | null>(null);
  if (clicked !== null && clicked === urlKind) setClicked(null);
  const kind = clicked ?? urlKind;
  const itemId = Number(params.get('itemId'));
  return (
    <Page
      title="Record a movement"
      description="Scan or type an item, choose where, enter the quantity and press Enter."
    >
      <MovementForm
        kind={kind}
        presetItemId={Number.isInteger(itemId) && itemId > 0 ? itemId : null}
        onKindChange={(next) => {
          setClicked(next);
          updateParams({ kind: next }, { replace: true });
        }}
      />
    </Page>
  );
}
