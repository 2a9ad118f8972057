// Per-test rows made through the API itself, with unique codes so tests never collide.
import type { Api } from './test-app';

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

export interface ItemRow {
  id: number;
  sku: string;
  name: string;
  unit: string;
  barcode: string | null;
  onHand: string;
  archivedAt: string | null;
}
export interface LocationRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}
export interface MovementRow {
  id: number;
  kind: string;
  quantity: string;
  delta: string | null;
}

export async function createItem(
  api: Api,
  overrides: Record<string, unknown> = {},
): Promise<ItemRow> {
  const sku = unique('SKU').toUpperCase();
  const res = await api.post('/api/v1/items').send({ sku, name: `Item ${sku}`, ...overrides });
  if (res.status !== 201) throw new Error(`createItem: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ItemRow;
}

export async function createLocation(
  api: Api,
  overrides: Record<string, unknown> = {},
): Promise<LocationRow> {
  const code = unique('LOC').toUpperCase();
  const res = await api
    .post('/api/v1/locations')
    .send({ code, name: `Location ${code}`, ...overrides });
  if (res.status !== 201)
    throw new Error(`createLocation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LocationRow;
}

export async function postMovement(api: Api, body: Record<string, unknown>): Promise<MovementRow> {
  const res = await api.post('/api/v1/movements').send(body);
  if (res.status !== 201)
    throw new Error(`postMovement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MovementRow;
}

export const receive = (
  api: Api,
  item: { id: number },
  location: { id: number },
  quantity: string | number,
) => postMovement(api, { kind: 'receive', itemId: item.id, toLocationId: location.id, quantity });

export const transfer = (
  api: Api,
  item: { id: number },
  from: { id: number },
  to: { id: number },
  quantity: string | number,
) =>
  postMovement(api, {
    kind: 'transfer',
    itemId: item.id,
    fromLocationId: from.id,
    toLocationId: to.id,
    quantity,
  });

export async function onHandAt(
  api: Api,
  item: { id: number },
  location: { id: number },
): Promise<string> {
  const res = await api.get(`/api/v1/items/${item.id}/stock`).expect(200);
  const line = (res.body.data as { location: { id: number }; quantity: string }[]).find(
    (l) => l.location.id === location.id,
  );
  return line?.quantity ?? '0';
}

/** A new API token made by `admin` (an admin's Api); its id and the secret to send. */
export async function createApiToken(
  admin: Api,
  scope: 'read' | 'write' = 'write',
): Promise<{ id: number; secret: string }> {
  const res = await admin.post('/api/v1/api-tokens').send({ name: unique('token'), scope });
  if (res.status !== 201)
    throw new Error(`createApiToken: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.apiToken.id as number, secret: res.body.token as string };
}
