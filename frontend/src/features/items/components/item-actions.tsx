import { useNavigate } from '@/lib/router';
import { RecordActions } from '@/components/record-actions';
import { paths } from '@/config/paths';
import type { Item } from '@/lib/api-types';
import { compareQuantity } from '@/lib/quantity';
import { useArchiveItem } from '../api/archive-item';
import { useDeleteItem } from '../api/delete-item';
import { useItemMovements } from '../api/get-item-movements';
import { useUnarchiveItem } from '../api/unarchive-item';

interface ItemActionsProps {
  item: Item;
  onEdit: () => void;
}

/**
 * Archive / unarchive / delete. Delete is only offered for an item with no stock and no
 * history, which is when the server allows it; a 409 still explains itself if it happens.
 */
export function ItemActions({ item, onEdit }: ItemActionsProps) {
  const navigate = useNavigate();
  const history = useItemMovements(item.id);
  const hasHistory = (history.data?.pages[0]?.data.length ?? 1) > 0;
  const canDelete = !hasHistory && compareQuantity(item.onHand, '0') === 0;
  return (
    <RecordActions
      archived={item.archivedAt !== null}
      editLabel="Edit"
      onEdit={onEdit}
      archive={useArchiveItem(item.id)}
      unarchive={useUnarchiveItem(item.id)}
      remove={useDeleteItem(item.id)}
      canDelete={canDelete}
      deleteQuestion={`Delete ${item.sku} permanently? This cannot be undone.`}
      onDeleted={() => void navigate(paths.items, { state: { flash: `Deleted ${item.sku}.` } })}
      toDo="change items"
    >
      {!canDelete && history.data ? (
        <p className="field__hint">
          Items with stock or movement history cannot be deleted; archive them instead.
        </p>
      ) : null}
    </RecordActions>
  );
}
