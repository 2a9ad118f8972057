import { conflict, notFound, unprocessable } from '../../lib/errors';

export const itemNotFound = (id: number | string) =>
  notFound('ITEM_NOT_FOUND', `There is no item ${id}.`, { itemId: id });
export const itemCodeNotFound = (code: string) =>
  notFound('ITEM_NOT_FOUND', `No item has the SKU or barcode "${code}".`, { scannedCode: code });
export const skuTaken = (sku: string) =>
  conflict('SKU_TAKEN', `Another item already uses SKU "${sku}".`, { sku });
export const barcodeTaken = (barcode: string) =>
  conflict('BARCODE_TAKEN', `Another item already uses barcode "${barcode}".`, { barcode });
export const itemHasStock = (sku: string, onHand: string) =>
  conflict(
    'ITEM_HAS_STOCK',
    `Item ${sku} still has ${onHand} on hand; ship or adjust it to 0 before archiving.`,
    {
      onHand,
    },
  );
export const itemInUse = (sku: string) =>
  conflict(
    'ITEM_IN_USE',
    `Item ${sku} has movements or stock records, so it cannot be deleted; archive it instead.`,
  );
/** Referenced from another request (e.g. a movement) rather than addressed by URL. */
export const referencedItemNotFound = (id: number) =>
  unprocessable('ITEM_NOT_FOUND', `There is no item ${id}.`, { itemId: id });
export const itemArchived = (sku: string) =>
  unprocessable('ITEM_ARCHIVED', `Item ${sku} is archived; unarchive it to move stock.`);
export const itemUnitLocked = (sku: string, unit: string, onHand: string) =>
  conflict(
    'ITEM_UNIT_LOCKED',
    `Item ${sku} already has stock or movement history in ${unit}, so its unit cannot be changed: ` +
      'the recorded quantities would silently mean something else. Create a new item in the new unit instead.',
    { unit, onHand },
  );
export const wholeReorderPoint = (sku: string, unit: string) =>
  unprocessable(
    'WHOLE_UNITS_ONLY',
    `${sku} is counted in ${unit}: the reorder point must be a whole number.`,
    { unit, errors: [{ in: 'body', path: 'reorderPoint', message: 'must be a whole number' }] },
  );
