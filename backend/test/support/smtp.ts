import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export interface TestSmtp {
  port: number;
  messages: ParsedMail[];
  /** The API's SMTP_* environment for this server. */
  env: Record<string, string>;
  /** Messages addressed to `to`. */
  to(to: string): ParsedMail[];
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** starttls: offers STARTTLS; tls: TLS from the first byte (port 465 style). */
  tls?: 'starttls' | 'tls';
  /** The server's key and certificate (PEM) for either TLS mode. */
  key?: string;
  cert?: string;
  /** When set, AUTH is required and only this user/password is accepted. */
  login?: { user: string; password: string };
  /** Recipients the server refuses with 550 (a mailbox that does not exist). */
  refuse?: (to: string) => boolean;
}

export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const { login } = options;
  const server = new SMTPServer({
    secure: options.tls === 'tls',
    ...(options.key ? { key: options.key, cert: options.cert } : {}),
    authOptional: !login,
    // smtp-server offers AUTH only over TLS unless told otherwise.
    allowInsecureAuth: Boolean(login) && !options.tls,
    disabledCommands: options.tls === 'starttls' ? [] : ['STARTTLS'],
    ...(login
      ? {
          onAuth: (auth, _session, callback) => {
            if (auth.username === login.user && auth.password === login.password)
              callback(null, { user: auth.username });
            else callback(new Error('Invalid username or password'));
          },
        }
      : {}),
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that refuses our certificate hangs up mid-handshake: the server reports it as
  // an error event, which is what those tests expect, not a failure of the server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_TLS: options.tls ?? 'none',
      SMTP_FROM: 'stockroom@example.test',
    },
    to: (to) =>
      messages.filter((m) =>
        [m.to ?? []].flat().some((a) => a.value.some((v) => v.address === to)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (a server that was just closed). */
export async function deadSmtpPort(): Promise<number> {
  const smtp = await startSmtp();
  await smtp.close();
  return smtp.port;
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const found = (mail.text ?? '').split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  return found;
}

/** A key and a self-signed certificate for 127.0.0.1 and localhost, made for this run. */
export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 24 * 3600_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
