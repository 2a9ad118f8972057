import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MailSettings } from '@/lib/api-types';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const OFF: MailSettings = {
  enabled: false,
  source: 'none',
  host: null,
  port: null,
  tls: null,
  user: null,
  from: null,
  passwordSet: false,
  tlsCa: null,
  tlsVerify: true,
};
const ON: MailSettings = {
  enabled: true,
  source: 'settings',
  host: 'smtp.example.com',
  port: 587,
  tls: 'starttls',
  user: 'mailer',
  from: 'stock@example.com',
  passwordSet: true,
  tlsCa: null,
  tlsVerify: true,
};

describe('EmailSettingsRoute', () => {
  it('when email is off and an admin enters a server, then it is saved and the test email appears', async () => {
    let current = OFF;
    const api = mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse(current),
      'PUT /api/v1/mail/settings': ({ body }) => {
        const input = body as MailSettings & { password?: string };
        current = { ...ON, ...input, passwordSet: Boolean(input.password) } as MailSettings;
        return jsonResponse(current);
      },
    });
    const { user } = renderRoute('/admin/email');
    expect(await screen.findByText(/Email is off/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send test email' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'SMTP server' }), 'smtp.example.com');
    await user.type(screen.getByLabelText(/^Password/), 'smtp secret');
    await user.type(screen.getByRole('textbox', { name: 'Send as' }), 'stock@example.com');
    await user.click(screen.getByRole('button', { name: 'Save email settings' }));
    expect(await screen.findByText('Email settings saved.')).toBeInTheDocument();
    expect(api.requestsTo('PUT', '/api/v1/mail/settings')[0]?.body).toEqual({
      host: 'smtp.example.com',
      port: 587,
      tls: 'starttls',
      user: null,
      password: 'smtp secret',
      from: 'stock@example.com',
      tlsCa: null,
      tlsVerify: true,
    });
    expect(await screen.findByRole('button', { name: 'Send test email' })).toBeInTheDocument();
  });

  it('when a password is saved and the field is left blank, then no password is sent (it is kept)', async () => {
    const api = mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse(ON),
      'PUT /api/v1/mail/settings': () => jsonResponse(ON),
    });
    const { user } = renderRoute('/admin/email');
    const password = await screen.findByLabelText(/^Password/);
    expect(password).toHaveValue('');
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Leave blank to keep'));
    await user.click(screen.getByRole('button', { name: 'Save email settings' }));
    await screen.findByText('Email settings saved.');
    expect(api.requestsTo('PUT', '/api/v1/mail/settings')[0]?.body).not.toHaveProperty('password');
  });

  it('when the port is not a port, then it is caught before sending', async () => {
    const api = mockApi({ 'GET /api/v1/mail/settings': () => jsonResponse(ON) });
    const { user } = renderRoute('/admin/email');
    const port = await screen.findByRole('textbox', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '70000');
    await user.click(screen.getByRole('button', { name: 'Save email settings' }));
    expect(port).toHaveAccessibleDescription(expect.stringContaining('1 to 65535'));
    expect(api.requestsTo('PUT', '/api/v1/mail/settings')).toHaveLength(0);
  });

  it('when the SMTP server refuses the test email, then the reason shows; when it accepts, a confirmation', async () => {
    let fail = true;
    const api = mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse(ON),
      'POST /api/v1/mail/test': () =>
        fail
          ? problemResponse({
              status: 502,
              title: 'Bad Gateway',
              code: 'MAIL_SEND_FAILED',
              detail: 'The SMTP server did not accept the message: EAUTH 535 bad password',
            })
          : jsonResponse({ to: 'admin@example.com' }),
    });
    const { user } = renderRoute('/admin/email');
    await user.click(await screen.findByRole('button', { name: 'Send test email' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('EAUTH 535 bad password');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    expect(await screen.findByText('Test email sent to admin@example.com.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/mail/test')[1]?.body).toEqual({});
  });

  it('when the environment sets SMTP, then the page shows it read-only with no form', async () => {
    mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse({ ...ON, source: 'environment' }),
    });
    renderRoute('/admin/email');
    expect(await screen.findByText(/set by the server environment/)).toBeInTheDocument();
    expect(screen.getByText('smtp.example.com:587')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'SMTP server' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Turn email off' })).not.toBeInTheDocument();
  });

  it('when a manager opens it, then they get no permission', async () => {
    mockApi({}, { role: 'manager' });
    renderRoute('/admin/email');
    expect(await screen.findByRole('heading', { name: 'No permission' })).toBeInTheDocument();
  });

  it('when a private relay has a self-signed certificate, then the pasted PEM is sent as tlsCa and checks stay on', async () => {
    const api = mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse(ON),
      'GET /api/v1/mail/outbox': () =>
        jsonResponse({ pending: 0, failed: 0, oldestPendingAt: null, retentionDays: 30, data: [] }),
      'PUT /api/v1/mail/settings': () => jsonResponse({ ...ON, tlsCa: PEM }),
    });
    const { user } = renderRoute('/admin/email');
    const pem = await screen.findByRole('textbox', { name: /Trusted certificate/ });
    // Typed as one line: user-event reads "{" and "[" as key names, a PEM has neither.
    await user.type(pem, PEM);
    await user.click(screen.getByRole('button', { name: 'Save email settings' }));
    expect(await screen.findByText('Email settings saved.')).toBeInTheDocument();
    expect(api.requestsTo('PUT', '/api/v1/mail/settings')[0]?.body).toMatchObject({
      tlsCa: PEM,
      tlsVerify: true,
    });
    expect(screen.getByText(/Nothing is waiting/)).toBeInTheDocument();
  });

  it('when mail is waiting because the server refuses the login, then the page lists it with the reason', async () => {
    mockApi({
      'GET /api/v1/mail/settings': () => jsonResponse(ON),
      'GET /api/v1/mail/outbox': () =>
        jsonResponse({
          pending: 1,
          failed: 0,
          oldestPendingAt: '2026-11-30T10:00:00.000Z',
          retentionDays: 30,
          data: [
            {
              id: 4,
              kind: 'invitation',
              to: 'kim@example.com',
              subject: 'You are invited',
              status: 'pending',
              attempts: 3,
              nextAttemptAt: '2026-11-30T11:00:00.000Z',
              lastError: 'EAUTH 535 Invalid login',
              createdAt: '2026-11-30T10:00:00.000Z',
            },
          ],
        }),
    });
    renderRoute('/admin/email');
    const table = await screen.findByRole('table', { name: 'Mail not sent yet' });
    expect(within(table).getByText('kim@example.com')).toBeInTheDocument();
    expect(within(table).getByText('EAUTH 535 Invalid login')).toBeInTheDocument();
    expect(within(table).getByText('Waiting')).toBeInTheDocument();
    expect(screen.getByText(/1 email is waiting/)).toBeInTheDocument();
  });
});

const PEM = '-----BEGIN CERTIFICATE-----MIIBszCCAVmgAwIBAgIUZ-----END CERTIFICATE-----';
