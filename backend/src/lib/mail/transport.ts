import type nodemailer from 'nodemailer';

// SMTP through nodemailer (docs/decisions/0020): TLS modes, AUTH, timeouts and MIME encoding
// are a protocol's worth of edge cases we do not want to write by hand.

export type TlsMode = 'none' | 'starttls' | 'tls';

export interface SmtpSettings {
  host: string;
  port: number;
  /** none: plain SMTP; starttls: upgrade required; tls: implicit TLS from the first byte. */
  tls: TlsMode;
  user: string | null;
  password: string | null;
  from: string;
  /**
   * PEM certificate(s) to trust for this server instead of the system's CAs: a private CA,
   * or the server's own self-signed certificate. Null: the system's CAs.
   */
  tlsCa: string | null;
  /**
   * false accepts any certificate (encrypted but not authenticated: anyone on the path can
   * impersonate the server). A last resort; `tlsCa` is the safe way to trust a private server.
   */
  tlsVerify: boolean;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Bounded waits: a dead server fails the send in seconds, never hangs a request or a job. */
export const SMTP_TIMEOUTS_MS = { connection: 10_000, greeting: 10_000, socket: 20_000 };

/** nodemailer (and its TLS, MIME and DNS parts) is loaded on the first send, not at startup. */
const loadNodemailer = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('nodemailer') as typeof nodemailer;

function transportFor(s: SmtpSettings) {
  return loadNodemailer().createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    // Certificates are verified (Node's default) against the system's CAs or `tlsCa`; the
    // host name (or IP address) must match the certificate. TLS 1.2 at least.
    tls: {
      rejectUnauthorized: s.tlsVerify,
      ...(s.tlsCa ? { ca: s.tlsCa } : {}),
      minVersion: 'TLSv1.2',
    },
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: SMTP_TIMEOUTS_MS.connection,
    greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
    socketTimeout: SMTP_TIMEOUTS_MS.socket,
  });
}

export interface Mailer {
  /** Rejects with nodemailer's error (code, responseCode) when SMTP refuses. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** One SMTP connection for several messages (a batch of the outbox). */
export function createMailer(settings: SmtpSettings): Mailer {
  const transport = transportFor(settings);
  return {
    send: async (message) => {
      await transport.sendMail({ from: settings.from, ...message });
    },
    close: () => transport.close(),
  };
}

/** Sends one message on its own connection. */
export async function sendMail(settings: SmtpSettings, message: MailMessage): Promise<void> {
  const mailer = createMailer(settings);
  try {
    await mailer.send(message);
  } finally {
    mailer.close();
  }
}

/** A one-line reason for logs and problem details, without credentials or stack. */
export function smtpErrorSummary(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : null,
    typeof e.responseCode === 'number' ? String(e.responseCode) : null,
    typeof e.message === 'string' ? e.message : String(error),
  ].filter(Boolean);
  return parts.join(' ').slice(0, 500);
}

// nodemailer's codes for a refusal of this one message (its recipient or its content); every
// other failure (connection, TLS, certificate, authentication, timeout) is about the server
// or our settings, and says nothing about the message.
const MESSAGE_REFUSED = new Set(['EENVELOPE', 'EMESSAGE']);

/** True when the server refused this message; false when it could not be reached or used. */
export function isMessageRefused(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && MESSAGE_REFUSED.has(code);
}
