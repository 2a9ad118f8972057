import type { MovementKind } from '../lib/api-types';
import { movementKindLabels } from '../lib/movements';

export function MovementKindBadge({ kind }: { kind: MovementKind }) {
  return <span className={`badge badge--kind-${kind}`}>{movementKindLabels[kind]}</span>;
}
