type Param = string | number | null | undefined;

/** "?a=1&b=x" from an object, leaving out empty values so URLs stay short and cache keys stable. */
export function toQueryString(params: Record<string, Param>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
