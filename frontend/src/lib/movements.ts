import type { Movement, MovementKind } from './api-types';
import { formatDelta, formatQuantity } from './quantity';

export const movementKindLabels: Record<MovementKind, string> = {
  receive: 'Receive',
  ship: 'Ship',
  transfer: 'Transfer',
  adjust: 'Adjust',
  count: 'Count',
};

/** How much a movement changed things, in the item's unit: "5 each", "+2 each", "7 each (−1)". */
export function movementAmount(movement: Movement): string {
  const unit = movement.item.unit;
  if (movement.kind === 'adjust') return `${formatDelta(movement.delta)} ${unit}`;
  if (movement.kind === 'count') {
    const counted = `${formatQuantity(movement.countedQuantity)} ${unit}`;
    return movement.delta ? `${counted} (${formatDelta(movement.delta)})` : counted;
  }
  return `${formatQuantity(movement.quantity)} ${unit}`;
}

function locationCode(movement: Movement): string {
  return (
    movement.toLocation?.code ??
    movement.fromLocation?.code ??
    `location #${movement.locationId ?? '?'}`
  );
}

/** One sentence for the confirmation after a movement: "Received 5 each of SKU-1 into WH1-A-03". */
export function describeMovement(movement: Movement, locationCodeHint?: string): string {
  const { sku, unit } = movement.item;
  const quantity = `${formatQuantity(movement.quantity)} ${unit}`;
  const from = movement.fromLocation?.code ?? '?';
  const to = movement.toLocation?.code ?? '?';
  const at = locationCodeHint ?? locationCode(movement);
  switch (movement.kind) {
    case 'receive':
      return `Received ${quantity} of ${sku} into ${to}`;
    case 'ship':
      return `Shipped ${quantity} of ${sku} from ${from}`;
    case 'transfer':
      return `Moved ${quantity} of ${sku} from ${from} to ${to}`;
    case 'adjust':
      return `Adjusted ${sku} at ${at} by ${formatDelta(movement.delta)} ${unit}`;
    case 'count':
      return `Counted ${formatQuantity(movement.countedQuantity)} ${unit} of ${sku} at ${at}${
        movement.delta ? ` (${formatDelta(movement.delta)})` : ''
      }`;
  }
}

/** Who recorded a movement: "Ada Lovelace", "Ada Lovelace via token ci-import", or "System". */
export function movementAuthor(movement: Movement): string {
  const by = movement.createdBy;
  if (!by) return 'System';
  return by.token ? `${by.name} via token ${by.token.name}` : by.name;
}
