import { z } from 'zod';
import { email } from '../../lib/account-schemas';
import { nullableText } from '../../lib/http/common-schemas';

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
});

export const testMailBody = z.strictObject({
  to: email.optional().meta({ description: "Defaults to the caller's own email" }),
});

export const testMailReply = z.object({ to: z.string() }).meta({ id: 'TestMailSent' });

export type MailSettingsView = z.infer<typeof mailSettingsSchema>;
export type UpdateMailSettings = z.output<typeof updateMailSettingsBody>;
