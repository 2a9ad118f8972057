import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSettings } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

describe('SettingsRoute', () => {
  it('when saving changes, then only they are sent, a success message shows and the header follows', async () => {
    const api = mockApi({
      'PATCH /api/v1/settings': ({ body }) =>
        jsonResponse(makeSettings(body as Record<string, unknown>)),
    });
    const { user } = renderRoute('/admin/settings');

    const name = await screen.findByRole('textbox', { name: 'Organisation name' });
    await user.clear(name);
    await user.type(name, 'Acme Spares');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Default unit' }), 'box');
    await user.click(screen.getByRole('checkbox', { name: 'Highlight low stock' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved.')).toHaveAttribute('role', 'status');
    expect(api.requestsTo('PATCH', '/api/v1/settings')[0]?.body).toEqual({
      organisationName: 'Acme Spares',
      defaultUnit: 'box',
      highlightLowStock: false,
    });
    expect(await screen.findByRole('link', { name: 'Acme Spares' })).toBeInTheDocument();
  });

  it('when the server rejects a field (400 problem), then the message shows on that field', async () => {
    mockApi({
      'PATCH /api/v1/settings': () =>
        problemResponse({
          title: 'Validation failed',
          status: 400,
          code: 'VALIDATION_FAILED',
          detail: 'The request body has 1 problem.',
          errors: [{ path: 'sessionIdleTimeoutMinutes', message: 'must be at most 10080' }],
        }),
    });
    const { user } = renderRoute('/admin/settings');

    const minutes = await screen.findByRole('textbox', { name: 'Session idle timeout (minutes)' });
    await user.clear(minutes);
    await user.type(minutes, '600');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The request body has 1 problem.');
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(minutes).toHaveAccessibleDescription(expect.stringContaining('Must be at most 10080.'));
  });

  it('when the timeout is out of range, then it is caught before sending', async () => {
    const api = mockApi({});
    const { user } = renderRoute('/admin/settings');

    const minutes = await screen.findByRole('textbox', { name: 'Session idle timeout (minutes)' });
    await user.clear(minutes);
    await user.type(minutes, '2');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(minutes).toHaveAccessibleDescription(expect.stringContaining('from 5 to 10080'));
    expect(minutes).toHaveFocus();
    expect(api.requestsTo('PATCH', '/api/v1/settings')).toHaveLength(0);
  });

  it('when an admin picks a time zone, then only it is sent and the form keeps it', async () => {
    const api = mockApi({
      'PATCH /api/v1/settings': ({ body }) =>
        jsonResponse(makeSettings(body as Record<string, unknown>)),
    });
    const { user } = renderRoute('/admin/settings');

    const zone = await screen.findByRole('combobox', { name: 'Time zone' });
    expect(zone).toHaveValue('UTC');
    await user.selectOptions(zone, 'Europe/Berlin');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/api/v1/settings')[0]?.body).toEqual({
      timeZone: 'Europe/Berlin',
    });
  });
});
