import { useNavigate } from '@/lib/router';
import { RecordActions } from '@/components/record-actions';
import { paths } from '@/config/paths';
import type { Location } from '@/lib/api-types';
import { useArchiveLocation } from '../api/archive-location';
import { useDeleteLocation } from '../api/delete-location';
import { useUnarchiveLocation } from '../api/unarchive-location';

interface LocationActionsProps {
  location: Location;
  onEdit: () => void;
}

/**
 * Archive / unarchive / delete. Delete is always offered: whether a location was ever used
 * is the server's to say, and its 409 detail says why when it refuses.
 */
export function LocationActions({ location, onEdit }: LocationActionsProps) {
  const navigate = useNavigate();
  return (
    <RecordActions
      archived={location.archivedAt !== null}
      editLabel="Edit or move"
      onEdit={onEdit}
      archive={useArchiveLocation(location.id)}
      unarchive={useUnarchiveLocation(location.id)}
      remove={useDeleteLocation(location.id)}
      canDelete
      deleteQuestion={`Delete ${location.code} permanently? Locations that were ever used cannot be deleted; archive them instead.`}
      onDeleted={() => void navigate(paths.locations)}
      toDo="change locations"
    />
  );
}
