import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface SecretOnceProps {
  title: ReactNode;
  /** Why to copy it now (shown as an alert: the secret is never shown again). */
  warning: ReactNode;
  /** What the secret is called: the field's label, the button ("Copy token") and the hints. */
  label: string;
  secret: string;
  onDone: () => void;
}

/**
 * A secret shown once (an API token, a webhook's signing secret), with Copy and a plain
 * warning; focus lands on the panel so a screen reader announces it.
 */
export function SecretOnce({ title, warning, label, secret, onDone }: SecretOnceProps) {
  const id = useId();
  const [copied, setCopied] = useState<string | undefined>();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const noun = label.toLowerCase();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied(`Could not copy; select the ${noun} and copy it yourself.`);
    }
  };

  return (
    <section
      className="card section token-secret"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      ref={ref}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="form-alert" role="alert">
        {warning}
      </p>
      <label className="field__label" htmlFor={`${id}-value`}>
        {label}
      </label>
      <input
        id={`${id}-value`}
        className="input mono"
        readOnly
        value={secret}
        onFocus={(event) => event.target.select()}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy {noun}
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
