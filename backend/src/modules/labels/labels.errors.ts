import { notFound, unprocessable } from '../../lib/errors';
import { MAX_LABELS } from './labels.schemas';

export const tooManyLabels = (count: number) =>
  unprocessable(
    'TOO_MANY_LABELS',
    `That is ${count} labels; at most ${MAX_LABELS} fit one request. Narrow the filters or print fewer copies.`,
    { count, max: MAX_LABELS },
  );
export const nothingToPrint = () =>
  unprocessable('NO_LABELS', 'Nothing matches: there are no labels to print.');
export const skipTooLarge = (skip: number, perPage: number) =>
  unprocessable(
    'SKIP_TOO_LARGE',
    `A sheet of this layout has ${perPage} positions; skip at most ${perPage - 1}, not ${skip}.`,
    { skip, perPage },
  );
export const itemsNotFound = (ids: number[]) =>
  notFound('ITEM_NOT_FOUND', `There is no item ${ids.join(', ')}.`, { itemIds: ids });
export const codeTooLong = (code: string, labelWidthMm: number) =>
  unprocessable(
    'LABEL_TOO_SMALL',
    `The code "${code}" is too long to scan on a ${labelWidthMm.toFixed(0)} mm wide label: choose a wider layout or turn the QR code off.`,
    { labelCode: code },
  );
