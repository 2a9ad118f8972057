import { badMapping } from './imports.errors';
import {
  IMPORT_FIELDS,
  importMappingSchema,
  type ImportField,
  type ImportMapping,
} from './imports.schemas';

// Header names each field is guessed from, compared without case, spaces or punctuation.
const NAMES: Record<ImportField, string[]> = {
  sku: ['sku', 'itemsku', 'itemcode', 'partnumber', 'partno', 'articlenumber', 'article', 'code'],
  name: ['name', 'itemname', 'productname', 'title', 'product'],
  description: ['description', 'desc', 'details', 'notes'],
  unit: ['unit', 'units', 'uom', 'unitofmeasure'],
  barcode: ['barcode', 'ean', 'upc', 'gtin', 'ean13'],
  reorderPoint: ['reorderpoint', 'reorderlevel', 'reorder', 'minstock', 'minimumstock', 'min'],
  category: ['category', 'group', 'itemgroup', 'family'],
  location: ['location', 'locationcode', 'locationpath', 'bin', 'shelf', 'place', 'storage'],
  quantity: ['quantity', 'qty', 'onhand', 'stock', 'count', 'counted', 'amount', 'balance'],
};

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Field → column guessed from the header names (each column used once, first match wins). */
export function guessColumns(headers: string[]): Partial<Record<ImportField, number>> {
  const keys = headers.map(normaliseHeader);
  const columns: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const name of NAMES[field]) {
      const i = keys.findIndex((k, idx) => k === name && !used.has(idx));
      if (i >= 0) {
        columns[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return columns;
}

/**
 * The suggestion: the guess, overridden by the last mapping this user saved wherever its
 * column's header is found in this file (so a renamed header mapped by hand is remembered).
 */
export function suggestMapping(
  headers: string[],
  last: { headers: string[]; mapping: ImportMapping } | undefined,
): ImportMapping {
  const columns = guessColumns(headers);
  if (last) {
    const keys = headers.map(normaliseHeader);
    for (const field of IMPORT_FIELDS) {
      const old = last.mapping.columns[field];
      if (old === undefined) continue;
      const header = last.headers[old];
      const i = header === undefined ? -1 : keys.indexOf(normaliseHeader(header));
      if (i >= 0) {
        for (const f of IMPORT_FIELDS) if (columns[f] === i) delete columns[f];
        columns[field] = i;
      }
    }
  }
  return {
    columns,
    stockAs: last?.mapping.stockAs ?? 'count',
    mode: last?.mapping.mode ?? 'all-or-nothing',
  };
}

/** The mapping sent, checked against the file's columns (422 IMPORT_MAPPING_INVALID). */
export function parseMapping(body: unknown, headers: string[]): ImportMapping {
  const mapping = importMappingSchema.parse(body);
  for (const field of IMPORT_FIELDS) {
    const col = mapping.columns[field];
    if (col !== undefined && col >= headers.length)
      throw badMapping(
        `${field} is mapped to column ${col}, but the file has ${headers.length} columns (0 to ${headers.length - 1}).`,
      );
  }
  if (mapping.columns.sku === undefined)
    throw badMapping('Map the sku column: rows are matched to items by SKU.');
  const used = Object.values(mapping.columns);
  if (new Set(used).size !== used.length)
    throw badMapping('Each column can be mapped to one field only.');
  if ((mapping.columns.quantity === undefined) !== (mapping.columns.location === undefined))
    throw badMapping('Map quantity and location together: stock is held at a location.');
  return mapping;
}
