import { vi } from 'vitest';
import { problemResponse } from './responses';
import { sessionRoutes, type SessionOptions } from './session';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  params: Record<string, string>;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * A fetch stub that routes by "METHOD /api/path/:param" and records every request, so tests
 * can answer with real Responses and then assert on what the app sent. Unless `session` says
 * otherwise, an admin is signed in (see testing/session.ts).
 */
export function mockApi(routes: Record<string, Handler>, session: SessionOptions = {}) {
  const all: Record<string, Handler> = { ...sessionRoutes(session), ...routes };
  const compiled = Object.entries(all).map(([key, handler]) => {
    const [method = 'GET', pattern = ''] = key.split(' ');
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { method, regex: new RegExp(`^${source}$`), names, handler };
  });
  const requests: RecordedRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    for (const route of compiled) {
      const match = route.method === method ? route.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1] ?? '']));
      const request = { method, url, headers: new Headers(init.headers), body, params };
      requests.push(request);
      return route.handler(request);
    }
    requests.push({ method, url, headers: new Headers(init.headers), body, params: {} });
    return problemResponse({ title: 'Not Found', status: 404, code: 'NOT_FOUND' });
  });
  vi.stubGlobal('fetch', fetchMock);

  /** Requests matching a method and path prefix, in order. */
  const requestsTo = (method: string, path: string) =>
    requests.filter((request) => request.method === method && request.url.pathname === path);

  return { fetchMock, requests, requestsTo };
}
