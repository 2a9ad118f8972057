import { readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import type { RequestLimits } from './http/request-shape';
import { parseAddressRange, type AddressRange } from './http/trusted-proxies';
import { parseCertificatePem } from './mail/certificates';
import { canonicalTimeZone } from './time-zone';

// The only module that reads process.env. Everything else receives a frozen Config.

/** One year, as before it was configurable; at most two (what HSTS preload lists ask for). */
export const DEFAULT_HSTS_MAX_AGE = 31_536_000;
export const MAX_HSTS_MAX_AGE = 63_072_000;

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const originList = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .url({ error: 'must be a comma-separated list of origins like https://stock.example.com' })
        .transform((u) => new URL(u).origin),
    ),
  );

// Outer proxies in front of nginx whose X-Forwarded-For entries are believed.
const addressRangeList = z.string().transform((raw, ctx) => {
  const ranges: AddressRange[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = parseAddressRange(part);
    if (range) ranges.push(range);
    else
      ctx.addIssue({
        code: 'custom',
        message: `"${part}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)`,
      });
  }
  return ranges;
});

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(1, 65535).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
      .optional(),
    PGHOST: z.string().default('localhost'),
    PGPORT: int(1, 65535).default(5432),
    PGUSER: z.string().default('stockroom'),
    PGPASSWORD: z.string().optional(),
    PGDATABASE: z.string().default('stockroom'),
    // The API's own role, for the one-shot provisioning (src/provision.ts) only: the API
    // connects as PGUSER and never needs these.
    APP_DB_USER: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, {
        error: 'must be a lower-case PostgreSQL role name (letters, digits, _)',
      })
      .optional(),
    APP_DB_PASSWORD: z.string().optional(),
    DB_POOL_MAX: int(1, 200).default(10),
    DB_CONNECT_TIMEOUT_MS: int(0, 600_000).default(60_000),
    CORS_ORIGINS: originList.default([]),
    // Where people open Stockroom, for links printed on labels (QR codes); unset: the
    // address each request came in on.
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL like https://stock.example.com' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    TRUSTED_PROXIES: addressRangeList.default([]),
    // Strict-Transport-Security max-age in seconds, over HTTPS (nginx's listener and the
    // API's own header alike; docs/decisions/0021). 0 tells browsers to forget the rule.
    HSTS_MAX_AGE: int(0, MAX_HSTS_MAX_AGE).default(DEFAULT_HSTS_MAX_AGE),
    SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
    MIGRATIONS_DIR: z.string().optional(),
    GIT_COMMIT: z.string().optional(),
    // The containers' zone (logs); also the team time zone until an admin sets one. A value
    // Intl does not know (e.g. a POSIX rule such as ":/etc/localtime") falls back to UTC
    // rather than stopping the API: TZ has always been free-form for the logs.
    TZ: z.string().optional(),
    // Creates the first admin at startup when no user exists yet (instead of the setup token).
    ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(10, { error: 'must be at least 10 characters' })
      .max(200, { error: 'must be at most 200 characters' })
      .optional(),
    // Events and webhooks (docs/decisions/0017-events-and-webhooks.md).
    EVENTS_RETENTION_DAYS: int(1, 3650).default(30),
    EVENTS_PRUNE_INTERVAL_MS: int(1000, 86_400_000).default(3_600_000),
    DISPATCHER_POLL_MS: int(10, 60_000).default(1000),
    WEBHOOK_TIMEOUT_MS: int(100, 60_000).default(10_000),
    WEBHOOK_RETRY_BASE_MS: int(1, 3_600_000).default(30_000),
    WEBHOOK_RETRY_MAX_MS: int(1, 86_400_000).default(21_600_000),
    WEBHOOK_MAX_ATTEMPTS: int(1, 50).default(12),
    WEBHOOK_DISABLE_AFTER_FAILURES: int(1, 1000).default(20),
    // Outgoing email (docs/decisions/0020). SMTP_HOST set = email configured here, and the
    // admin settings page shows it read-only (the environment wins).
    SMTP_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, { error: 'must be a host name or IP address' })
      .optional(),
    SMTP_PORT: int(1, 65535).optional(),
    SMTP_TLS: z
      .enum(['none', 'starttls', 'tls'], { error: 'must be none, starttls or tls' })
      .default('starttls'),
    SMTP_USER: z.string().max(254).optional(),
    SMTP_PASSWORD: z.string().max(500).optional(),
    SMTP_FROM: z.string().max(254).optional(),
    // A PEM file of the CA (or the server's self-signed certificate) to trust for SMTP instead
    // of the system's CAs; read once at startup, so a wrong path stops the API with its name.
    SMTP_TLS_CA_FILE: z
      .string()
      .transform((file, ctx) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (error) {
          const code = (error as { code?: string }).code ?? 'unreadable';
          ctx.addIssue({ code: 'custom', message: `cannot read ${file} (${code})` });
          return z.NEVER;
        }
        const parsed = parseCertificatePem(text);
        if ('pem' in parsed) return parsed.pem;
        ctx.addIssue({ code: 'custom', message: `${file} ${parsed.error}` });
        return z.NEVER;
      })
      .optional(),
    // false: accept any certificate (insecure; SMTP_TLS_CA_FILE is the safe way).
    SMTP_TLS_VERIFY: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((v) => v === 'true')
      .default(true),
    // Sent and failed mail is kept this long (a send log), then deleted; pending mail stays.
    MAIL_RETENTION_DAYS: int(1, 3650).default(30),
    // Hour of the day (UTC) from which the daily low-stock digest goes out.
    ALERT_DIGEST_HOUR: int(0, 23).default(7),
    // Imports (docs/decisions/0027): the largest file accepted, in bytes (default 50 MiB);
    // staged rows of imports not committed within IMPORT_RETENTION_HOURS are deleted.
    IMPORT_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
    IMPORT_RETENTION_HOURS: int(1, 24 * 365).default(24),
  })
  .superRefine((e, ctx) => {
    if (e.SMTP_HOST && !e.SMTP_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_FROM'],
        message: 'set SMTP_FROM (the sender address, e.g. stockroom@example.com) with SMTP_HOST',
      });
    if (e.SMTP_FROM && !z.email().safeParse(e.SMTP_FROM.trim()).success)
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'must be an email address' });
    if (Boolean(e.APP_DB_USER) !== Boolean(e.APP_DB_PASSWORD))
      ctx.addIssue({
        code: 'custom',
        path: [e.APP_DB_USER ? 'APP_DB_PASSWORD' : 'APP_DB_USER'],
        message: 'set APP_DB_USER and APP_DB_PASSWORD together',
      });
    if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD))
      ctx.addIssue({
        code: 'custom',
        path: [e.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
      });
  });

// Values of these keys never appear in error messages.
const SECRET_KEYS = new Set([
  'DATABASE_URL',
  'PGPASSWORD',
  'ADMIN_PASSWORD',
  'APP_DB_PASSWORD',
  'SMTP_PASSWORD',
]);

export const DEFAULT_SMTP_PORT = { none: 25, starttls: 587, tls: 465 } as const;

export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, '../../../db/migrations');

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: {
      connectionString: env.DATABASE_URL,
      host: env.PGHOST,
      port: env.PGPORT,
      user: env.PGUSER,
      password: env.PGPASSWORD,
      database: env.PGDATABASE,
      poolMax: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    },
    appRole:
      env.APP_DB_USER && env.APP_DB_PASSWORD
        ? { user: env.APP_DB_USER, password: env.APP_DB_PASSWORD }
        : null,
    corsOrigins: env.CORS_ORIGINS,
    publicUrl: env.PUBLIC_URL ?? null,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS_DIR),
    gitCommit: env.GIT_COMMIT?.trim() || null,
    defaultTimeZone: (env.TZ && canonicalTimeZone(env.TZ)) || 'UTC',
    initialAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
        : null,
    events: {
      retentionDays: env.EVENTS_RETENTION_DAYS,
      pruneIntervalMs: env.EVENTS_PRUNE_INTERVAL_MS,
    },
    webhooks: {
      pollMs: env.DISPATCHER_POLL_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: env.WEBHOOK_RETRY_MAX_MS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      // What is kept of a receiver's answer, and the most read of it.
      responseExcerptChars: 1000,
      responseMaxBytes: 64 * 1024,
    },
    mail: {
      /** SMTP from the environment, or null (then the admin settings page decides). */
      smtp: env.SMTP_HOST
        ? {
            host: env.SMTP_HOST,
            port: env.SMTP_PORT ?? DEFAULT_SMTP_PORT[env.SMTP_TLS],
            tls: env.SMTP_TLS,
            user: env.SMTP_USER ?? null,
            password: env.SMTP_PASSWORD ?? null,
            from: (env.SMTP_FROM ?? '').trim(),
            tlsCa: env.SMTP_TLS_CA_FILE ?? null,
            tlsVerify: env.SMTP_TLS_VERIFY,
          }
        : null,
      /** The base of every link in an email (PUBLIC_URL, without a trailing slash). */
      publicUrl: env.PUBLIC_URL ?? 'http://localhost',
      digestHourUtc: env.ALERT_DIGEST_HOUR,
      retentionDays: env.MAIL_RETENTION_DAYS,
    },
    imports: {
      maxBytes: env.IMPORT_MAX_BYTES,
      retentionHours: env.IMPORT_RETENTION_HOURS,
    },
    // nginx is always trusted; these outer proxies too (docs/decisions/0010).
    trustedProxies: env.TRUSTED_PROXIES,
    hstsMaxAgeSeconds: env.HSTS_MAX_AGE,
    // Every request body is a few flat fields (the longest text is 2,000 characters), so
    // these leave room to spare while bounding what parsing and validation can cost.
    // docs/decisions/0009-request-shape-limits.md says why each is what it is.
    requestLimits: {
      jsonBodyLimit: '100kb',
      maxDepth: 32,
      maxValues: 1000,
      maxStringLength: 10_000,
      maxQueryLength: 4096,
      maxQueryParams: 32,
    } satisfies RequestLimits,
  };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Pure: validates an environment and returns every problem at once. */
export function parseConfig(rawEnv: NodeJS.ProcessEnv): ConfigResult {
  // An empty value (e.g. `${VAR:-}` in compose) means "not set", so defaults apply.
  const env = Object.fromEntries(
    Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(env);
  if (result.success) return { ok: true, config: deepFreeze(toConfig(result.data)) };
  const errors = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(env)');
    const got = SECRET_KEYS.has(key) || env[key] === undefined ? '' : ` (got "${env[key]}")`;
    return `${key}: ${issue.message}${got}`;
  });
  return { ok: false, errors };
}

/** Reads .env (if present) and the process environment; exits 1 naming every bad variable. */
export function loadConfig(): Config {
  // The repo root's .env serves `npm run dev`; the working directory's wins when both exist.
  dotenv.config({ quiet: true, path: ['.env', path.resolve(__dirname, '../../../.env')] });
  const result = parseConfig(process.env);
  if (result.ok) return result.config;
  process.stderr.write(
    `Invalid configuration, Stockroom cannot start:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`,
  );
  process.exit(1);
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
