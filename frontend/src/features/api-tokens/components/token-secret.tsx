import { useEffect, useRef, useState } from 'react';
import type { CreatedApiToken } from '../api/create-api-token';

/** The new secret, shown once, with Copy and a plain warning; focus lands here to announce it. */
export function TokenSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState<string | undefined>();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy; select the token and copy it yourself.');
    }
  };

  return (
    <section
      className="card section token-secret"
      aria-labelledby="token-secret-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="token-secret-title">Token “{created.apiToken.name}” created</h2>
      <p className="form-alert" role="alert">
        Copy it now: this is the only time Stockroom shows it. Store it like a password.
      </p>
      <label className="field__label" htmlFor="token-secret-value">
        Token
      </label>
      <input
        id="token-secret-value"
        className="input mono"
        readOnly
        value={created.token}
        onFocus={(event) => event.target.select()}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy token
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
