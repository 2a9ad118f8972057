import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { useCurrentUser } from '@/hooks/use-current-user';
import { describeActionError } from '@/lib/api-errors';
import type { MailSettings } from '@/lib/api-types';
import { useClearMailSettings, useMailSettings } from '../api/mail-settings';
import { SmtpForm } from '../components/smtp-form';
import { TestMailForm } from '../components/test-mail-form';
import { WaitingMail } from '../components/waiting-mail';

function EnvironmentSettings({ settings }: { settings: MailSettings }) {
  return (
    <>
      <p className="notice">
        Email is set by the server environment (SMTP_HOST and the other SMTP_ variables), which wins
        over this page. To change it, edit .env and restart: docker compose up -d.
      </p>
      <dl className="detail-grid card">
        <dt>SMTP server</dt>
        <dd className="mono">
          {settings.host}:{settings.port}
        </dd>
        <dt>Encryption</dt>
        <dd>{settings.tls}</dd>
        <dt>User name</dt>
        <dd>{settings.user ?? 'none'}</dd>
        <dt>Send as</dt>
        <dd>{settings.from}</dd>
        <dt>Certificate check</dt>
        <dd>
          {!settings.tlsVerify
            ? 'Off (SMTP_TLS_VERIFY=false): insecure'
            : settings.tlsCa
              ? 'Against the certificate in SMTP_TLS_CA_FILE'
              : 'Against the public CAs'}
        </dd>
      </dl>
    </>
  );
}

function TurnOff() {
  const clear = useClearMailSettings();
  const [asking, setAsking] = useState(false);
  return (
    <div className="section">
      {asking ? (
        <ConfirmAction
          message="Turn email off? Alerts, invitations and password resets stop being sent."
          confirmLabel="Yes, turn email off"
          pending={clear.isPending}
          onConfirm={() => clear.mutate(undefined, { onSuccess: () => setAsking(false) })}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          Turn email off
        </button>
      )}
      {clear.error ? (
        <p className="field__error" role="alert">
          {describeActionError(clear.error, 'turn email off')}
        </p>
      ) : null}
    </div>
  );
}

/** Admin: the SMTP server for alerts, invitations and password resets. */
export function EmailSettingsRoute() {
  const settings = useMailSettings();
  const me = useCurrentUser();
  const [saved, setSaved] = useState<string | undefined>();
  let content;
  if (settings.isPending) content = <LoadingState label="Loading email settings…" />;
  else if (settings.isError)
    content = (
      <QueryErrorState
        error={settings.error}
        onRetry={() => void settings.refetch()}
        retrying={settings.isFetching}
      />
    );
  else {
    const s = settings.data;
    content = (
      <>
        {s.enabled ? null : (
          <p className="notice">
            Email is off. Nothing fails without it: alerts stay in the app, and admins set passwords
            for new users. Enter an SMTP server to turn it on.
          </p>
        )}
        {s.source === 'environment' ? (
          <EnvironmentSettings settings={s} />
        ) : (
          <SmtpForm settings={s} onSaved={() => setSaved('Email settings saved.')} />
        )}
        {s.enabled ? <TestMailForm myEmail={me?.email ?? 'your email'} /> : null}
        {s.enabled ? <WaitingMail /> : null}
        {s.source === 'settings' ? <TurnOff /> : null}
      </>
    );
  }
  return (
    <Page
      title="Email"
      description="The SMTP server Stockroom sends alerts, invitations and password resets through."
    >
      <StatusLine>{saved}</StatusLine>
      {content}
    </Page>
  );
}
