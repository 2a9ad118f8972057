import type { Item } from '../items/items.service';
import type { Location } from '../locations/locations.service';
import type { LabelContent } from './labels.render';

/**
 * An item's label encodes its barcode when it has one, else its SKU: the movement form's
 * lookup (GET /items/lookup) finds an item by either, exactly as stored.
 */
export function itemLabel(item: Item, baseUrl: string | null): LabelContent {
  const code = item.barcode ?? item.sku;
  return {
    code,
    name: item.name,
    detail: `${code === item.sku ? item.sku : `${code} · SKU ${item.sku}`} · ${item.unit}`,
    url: baseUrl && `${baseUrl}/items/${item.id}`,
  };
}

/** A location's label encodes its code, which the movement form's location field looks up. */
export function locationLabel(location: Location, baseUrl: string | null): LabelContent {
  return {
    code: location.code,
    name: location.name,
    detail: location.code,
    url: baseUrl && `${baseUrl}/locations/${location.id}`,
  };
}
