// Count-session helpers for tests: open, count, review and approve through the API.
import type { Api } from './test-app';

export interface ReviewLine {
  lineId: number;
  item: { id: number };
  location: { id: number };
  countedQuantity: string;
  countedAt: string;
  expectedQuantity: string;
  movementsSince: string;
  currentQuantity: string;
  variance: string;
  variancePercent: string | null;
  flagged: boolean;
  movementId: number | null;
  skipped: string | null;
}
export interface Review {
  session: { id: number; status: string; reference: string; closedBy: { id: number } | null };
  lines: ReviewLine[];
  uncounted: { item: { id: number }; location: { id: number }; expectedQuantity: string }[];
  history: { id: number; item: { id: number }; countedQuantity: string; current: boolean }[];
}

export async function openSession(
  api: Api,
  body: Record<string, unknown>,
): Promise<{ id: number }> {
  const res = await api.post('/api/v1/counts').send(body);
  if (res.status !== 201) throw new Error(`openSession: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number };
}

export async function count(
  api: Api,
  session: { id: number },
  location: { id: number },
  lines: { itemId: number; countedQuantity: string | number; countedAt?: string }[],
) {
  const res = await api
    .post(`/api/v1/counts/${session.id}/lines`)
    .send({ locationId: location.id, lines });
  if (res.status !== 201) throw new Error(`count: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { id: number; countedAt: string }[];
}

export async function reviewOf(api: Api, session: { id: number }): Promise<Review> {
  const res = await api.get(`/api/v1/counts/${session.id}/review`);
  if (res.status !== 200) throw new Error(`review: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Review;
}

export const lineFor = (review: Review, item: { id: number }, location: { id: number }) =>
  review.lines.find((l) => l.item.id === item.id && l.location.id === location.id);
