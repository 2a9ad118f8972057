import { conflict, notFound, unprocessable } from '../../lib/errors';

export const locationNotFound = (id: number) =>
  notFound('LOCATION_NOT_FOUND', `There is no location ${id}.`, { locationId: id });
export const referencedLocationNotFound = (id: number) =>
  unprocessable('LOCATION_NOT_FOUND', `There is no location ${id}.`, { locationId: id });
export const parentNotFound = (id: number) =>
  unprocessable('PARENT_NOT_FOUND', `The parent location ${id} does not exist.`, { parentId: id });
export const codeTaken = (code: string) =>
  conflict('LOCATION_CODE_TAKEN', `Another location already uses code "${code}".`, {
    locationCode: code,
  });
export const locationCycle = () =>
  unprocessable(
    'LOCATION_CYCLE',
    'A location cannot be moved under itself or one of its own sub-locations.',
  );
export const locationNotEmpty = (code: string, lines: number) =>
  conflict(
    'LOCATION_NOT_EMPTY',
    `Location ${code} still holds stock of ${lines} item(s); move it out before archiving.`,
    {
      stockLines: lines,
    },
  );
export const locationHasChildren = (code: string) =>
  conflict(
    'LOCATION_HAS_CHILDREN',
    `Location ${code} has active sub-locations; archive them first.`,
  );
export const locationInUse = (code: string) =>
  conflict(
    'LOCATION_IN_USE',
    `Location ${code} has movements, stock records or sub-locations, so it cannot be deleted; archive it instead.`,
  );
export const locationArchived = (code: string) =>
  unprocessable(
    'LOCATION_ARCHIVED',
    `Location ${code} is archived; unarchive it to move stock there.`,
  );
export const parentArchived = (code: string) =>
  unprocessable(
    'PARENT_ARCHIVED',
    `Location ${code} is archived and cannot hold new sub-locations.`,
  );
