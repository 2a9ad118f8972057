import { z } from 'zod';
import { email } from '../../lib/account-schemas';
import { nullableText, timestamp } from '../../lib/http/common-schemas';
import { parseCertificatePem } from '../../lib/mail/certificates';

const TLS_MODES = ['none', 'starttls', 'tls'] as const;

export const tlsMode = z.enum(TLS_MODES).meta({
  id: 'SmtpTlsMode',
  description: 'none: plain SMTP; starttls: upgrade to TLS (required); tls: implicit TLS',
});

const host = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z.string().regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, {
      error: 'must be a host name or IP address, e.g. smtp.example.com',
    }),
  );

/** What the stored settings look like (validated again on read: a bad row means "off"). */
export const storedSmtpSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  tls: tlsMode,
  user: z.string().nullable(),
  password: z.string().nullable(),
  from: z.string().min(3),
  // Settings saved before these existed: the system's CAs, verified.
  tlsCa: z.string().nullable().default(null),
  tlsVerify: z.boolean().default(true),
});

// A CA bundle of a few certificates fits easily (one is about 2,000 characters).
const certificatePem = z
  .string()
  .max(10_000, { error: 'must be at most 10,000 characters' })
  .transform((text, ctx) => {
    const parsed = parseCertificatePem(text);
    if ('pem' in parsed) return parsed.pem;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

export const mailSettingsSchema = z
  .object({
    enabled: z.boolean(),
    source: z
      .enum(['environment', 'settings', 'none'])
      .meta({ description: 'environment: SMTP_* variables (read-only here); none: email is off' }),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    // Not the registered SmtpTlsMode: `.nullable()` on it would make the component nullable.
    tls: z.enum(TLS_MODES).nullable(),
    user: z.string().nullable(),
    from: z.string().nullable(),
    /** The password itself is write-only: never returned. */
    passwordSet: z.boolean(),
    tlsCa: z
      .string()
      .nullable()
      .meta({
        description:
          "PEM certificate(s) trusted for this server instead of the system's CAs (a private " +
          "CA or the server's self-signed certificate); null: the system's CAs",
      }),
    tlsVerify: z.boolean().meta({
      description: "false: the server's certificate is not checked at all (insecure; prefer tlsCa)",
    }),
  })
  .meta({ id: 'MailSettings' });

export const updateMailSettingsBody = z.strictObject({
  host,
  port: z.number().int().min(1).max(65535),
  tls: tlsMode,
  user: nullableText(254).optional(),
  password: z
    .string()
    .max(500, { error: 'must be at most 500 characters' })
    .nullable()
    .optional()
    .meta({ description: 'Omit to keep the stored password; null to remove it' }),
  from: email,
  tlsCa: certificatePem
    .nullable()
    .optional()
    .meta({ description: "PEM certificate(s) to trust instead of the system's CAs; null: none" }),
  tlsVerify: z
    .boolean()
    .optional()
    .meta({ description: 'Default true. false accepts any certificate (insecure)' }),
});

export const testMailBody = z.strictObject({
  to: email.optional().meta({ description: "Defaults to the caller's own email" }),
});

export const testMailReply = z.object({ to: z.string() }).meta({ id: 'TestMailSent' });

export const outboxMessageSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(['pending', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'OutboxMessage' });

export const outboxSummarySchema = z
  .object({
    pending: z.number().int(),
    failed: z.number().int(),
    oldestPendingAt: timestamp.nullable(),
    retentionDays: z
      .number()
      .int()
      .meta({ description: 'Sent and failed messages are deleted after this many days' }),
    data: z
      .array(outboxMessageSchema)
      .meta({ description: 'The 50 newest unsent messages (pending or failed), newest first' }),
  })
  .meta({ id: 'MailOutbox' });

export type OutboxSummary = z.infer<typeof outboxSummarySchema>;
export type MailSettingsView = z.infer<typeof mailSettingsSchema>;
export type UpdateMailSettings = z.output<typeof updateMailSettingsBody>;
