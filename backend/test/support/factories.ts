// Per-test rows made through the API itself, with unique codes so tests never collide.
import type { Express } from 'express';
import request from 'supertest';

let counter = 0;
const unique = (prefix: string) =>
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
  app: Express,
  overrides: Record<string, unknown> = {},
): Promise<ItemRow> {
  const sku = unique('SKU').toUpperCase();
  const res = await request(app)
    .post('/api/v1/items')
    .send({ sku, name: `Item ${sku}`, ...overrides });
  if (res.status !== 201) throw new Error(`createItem: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ItemRow;
}

export async function createLocation(
  app: Express,
  overrides: Record<string, unknown> = {},
): Promise<LocationRow> {
  const code = unique('LOC').toUpperCase();
  const res = await request(app)
    .post('/api/v1/locations')
    .send({ code, name: `Location ${code}`, ...overrides });
  if (res.status !== 201)
    throw new Error(`createLocation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LocationRow;
}

export async function postMovement(
  app: Express,
  body: Record<string, unknown>,
): Promise<MovementRow> {
  const res = await request(app).post('/api/v1/movements').send(body);
  if (res.status !== 201)
    throw new Error(`postMovement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MovementRow;
}

export const receive = (
  app: Express,
  item: { id: number },
  location: { id: number },
  quantity: string | number,
) => postMovement(app, { kind: 'receive', itemId: item.id, toLocationId: location.id, quantity });

export async function onHandAt(
  app: Express,
  item: { id: number },
  location: { id: number },
): Promise<string> {
  const res = await request(app).get(`/api/v1/items/${item.id}/stock`).expect(200);
  const line = (res.body.data as { location: { id: number }; quantity: string }[]).find(
    (l) => l.location.id === location.id,
  );
  return line?.quantity ?? '0';
}
