import type { Api } from './test-app';

// Walking a keyset list the way the UI does: page after page by `nextCursor`.

export interface CursorPageBody {
  data: { id: number }[];
  page: { nextCursor: string | null };
}

/** Every id of the list at `path` with these query parameters, page after page. */
export async function walkIds(
  api: Api,
  path: string,
  query: Record<string, unknown>,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await api
      .get(path)
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .expect(200);
    const body = res.body as CursorPageBody;
    ids.push(...body.data.map((row) => row.id));
    cursor = body.page.nextCursor;
  } while (cursor);
  return ids;
}
