import { useEffect, useRef, useState } from 'react';
import type { CreatedWebhook } from '@/lib/api-types';

/** The signing secret, shown once, with Copy; focus lands here so it is announced. */
export function WebhookSecret({
  created,
  onDone,
}: {
  created: CreatedWebhook;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<string | undefined>();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy; select the secret and copy it yourself.');
    }
  };

  return (
    <section
      className="card section token-secret"
      aria-labelledby="webhook-secret-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="webhook-secret-title">Webhook for {created.webhook.url} created</h2>
      <p className="form-alert" role="alert">
        Copy the signing secret now: this is the only time Stockroom shows it. The receiver needs it
        to check the webhook-signature header (Standard Webhooks).
      </p>
      <label className="field__label" htmlFor="webhook-secret-value">
        Signing secret
      </label>
      <input
        id="webhook-secret-value"
        className="input mono"
        readOnly
        value={created.secret}
        onFocus={(event) => event.target.select()}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="muted" role="status">
        {copied}
      </p>
    </section>
  );
}
