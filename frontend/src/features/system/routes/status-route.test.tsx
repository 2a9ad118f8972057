import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoute } from '@/testing/render-route';
import { heldBack, jsonResponse, problemResponse } from '@/testing/responses';
import { sessionResponse } from '@/testing/session';

const info = {
  name: 'Stockroom',
  version: '0.1.0',
  commit: 'abc1234',
  schemaVersion: '20261122000100_create_app_settings.js',
  uptimeSeconds: 3_725,
  nodeVersion: 'v24.1.0',
  startedAt: '2026-11-22T10:00:00.000Z',
};

const ready = {
  status: 'ready',
  checks: {
    database: { status: 'ok' },
    migrations: { status: 'ok', current: '20261122000100_create_app_settings.js', pending: 0 },
  },
};

const urlOf = (input: RequestInfo | URL) =>
  input instanceof Request ? input.url : input.toString();

// A fresh Response per call: a body can only be read once.
function apiFetch(readiness: () => Response | Promise<Response> = () => jsonResponse(ready)) {
  return vi.fn((input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    const session = sessionResponse(url);
    if (session) return Promise.resolve(session);
    if (url.endsWith('/api/v1/system/info')) return Promise.resolve(jsonResponse(info));
    if (url.endsWith('/api/ready')) return Promise.resolve(readiness());
    return Promise.resolve(problemResponse({ title: 'Not Found', status: 404 }));
  });
}

describe('StatusRoute', () => {
  it('when the server info arrives before readiness, then both cards appear together (no layout shift)', async () => {
    const held = heldBack(() => jsonResponse(ready));
    const fetch = apiFetch(held.answer);
    vi.stubGlobal('fetch', fetch);
    renderRoute('/status');

    await screen.findByText('Loading system status…');
    await vi.waitFor(() =>
      expect(fetch.mock.calls.some(([input]) => urlOf(input).endsWith('/system/info'))).toBe(true),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('region', { name: 'Server' })).not.toBeInTheDocument();

    await act(() => held.release());
    expect(await screen.findByRole('region', { name: 'Server' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Readiness/ })).toBeInTheDocument();
    expect(screen.queryByText('Loading system status…')).not.toBeInTheDocument();
  });

  it('when the API answers, then it shows version, commit, schema, uptime and checks', async () => {
    vi.stubGlobal('fetch', apiFetch());
    renderRoute('/status');

    const server = await screen.findByRole('region', { name: 'Server' });
    expect(server).toHaveTextContent('0.1.0');
    expect(server).toHaveTextContent('abc1234');
    expect(server).toHaveTextContent('20261122000100_create_app_settings.js');
    expect(server).toHaveTextContent('1 hour, 2 minutes');

    const checks = await screen.findByRole('region', { name: /Readiness/ });
    expect(within(checks).getByText('Ready')).toBeInTheDocument();
    expect(within(checks).getByText('Database')).toBeInTheDocument();
    expect(within(checks).getByText('Migrations')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the API reports not ready (503 problem), then it shows the failing check, not an error', async () => {
    const notReady = () =>
      problemResponse({
        type: 'about:blank',
        title: 'Service not ready',
        status: 503,
        detail: 'Database unreachable',
        code: 'NOT_READY',
        requestId: 'req-1',
        checks: {
          database: { status: 'error', error: 'connect ECONNREFUSED' },
          migrations: { status: 'unknown' },
        },
      });
    vi.stubGlobal('fetch', apiFetch(notReady));
    renderRoute('/status');

    const checks = await screen.findByRole('region', { name: /Readiness/ });
    expect(within(checks).getByText('Not ready')).toBeInTheDocument();
    expect(within(checks).getByText('connect ECONNREFUSED')).toBeInTheDocument();
    expect(within(checks).getByText('Unknown')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when fetch rejects, then it shows the friendly unreachable message', async () => {
    // Signed in, then the status endpoints cannot be reached.
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const session = sessionResponse(input);
        return session
          ? Promise.resolve(session)
          : Promise.reject(new TypeError('Failed to fetch'));
      }),
    );
    renderRoute('/status');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Stockroom can't reach its server");
    expect(alert).toHaveTextContent('this page retries automatically');
    expect(alert).not.toHaveTextContent('Failed to fetch');
  });

  it('when Retry is pressed after the server comes back, then the status appears', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL) => {
      const session = sessionResponse(input);
      return session
        ? Promise.resolve(session)
        : Promise.reject<Response>(new TypeError('Failed to fetch'));
    });
    vi.stubGlobal('fetch', fetchMock);
    const { user } = renderRoute('/status');
    const alert = await screen.findByRole('alert');

    fetchMock.mockImplementation(apiFetch());
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('region', { name: 'Server' })).toHaveTextContent('0.1.0');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
