import { parseConfig } from './config';

describe('parseConfig', () => {
  test('when nothing is set, then safe defaults apply', () => {
    const result = parseConfig({});
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      env: 'development',
      corsOrigins: [],
      shutdownTimeoutMs: 10000,
      database: {
        host: 'localhost',
        port: 5432,
        user: 'stockroom',
        database: 'stockroom',
        poolMax: 10,
      },
    });
    expect(Object.isFrozen(result.config.database)).toBe(true);
  });

  test('when several values are bad, then every bad variable is named with the reason', () => {
    const result = parseConfig({
      PORT: '70000',
      LOG_LEVEL: 'chatty',
      NODE_ENV: 'staging',
      DB_POOL_MAX: 'ten',
      SHUTDOWN_TIMEOUT_MS: '1.5',
      CORS_ORIGINS: 'https://ok.example, not a url',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const keys = result.errors.map((e) => e.split(':')[0]);
    expect(keys.sort()).toEqual(
      [
        'CORS_ORIGINS',
        'DB_POOL_MAX',
        'LOG_LEVEL',
        'NODE_ENV',
        'PORT',
        'SHUTDOWN_TIMEOUT_MS',
      ].sort(),
    );
    expect(result.errors).toContain('PORT: must be at most 65535 (got "70000")');
    expect(result.errors).toContain('DB_POOL_MAX: must be a number (got "ten")');
    expect(result.errors).toContain('SHUTDOWN_TIMEOUT_MS: must be a whole number (got "1.5")');
  });

  test('when a secret is invalid, then its value is not repeated in the message', () => {
    const result = parseConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(['DATABASE_URL: must start with postgres:// or postgresql://']);
  });

  test("when the API role's settings for provisioning are given, then both are needed and the name must be a plain role name", () => {
    const ok = parseConfig({ APP_DB_USER: 'stockroom_app', APP_DB_PASSWORD: 's3cret' });
    expect(ok.ok && ok.config.appRole).toEqual({ user: 'stockroom_app', password: 's3cret' });
    const none = parseConfig({});
    expect(none.ok && none.config.appRole).toBeNull();
    const half = parseConfig({ APP_DB_USER: 'stockroom_app' });
    expect(!half.ok && half.errors).toEqual([
      'APP_DB_PASSWORD: set APP_DB_USER and APP_DB_PASSWORD together',
    ]);
    const odd = parseConfig({ APP_DB_USER: 'App"; drop', APP_DB_PASSWORD: 'hunter2' });
    expect(!odd.ok && odd.errors).toEqual([
      'APP_DB_USER: must be a lower-case PostgreSQL role name (letters, digits, _) (got "App"; drop")',
    ]);
    const secret = parseConfig({ APP_DB_PASSWORD: 'hunter2' });
    expect(!secret.ok && secret.errors.join()).not.toContain('hunter2');
  });

  test('when a variable is set to the empty string, then it counts as unset', () => {
    const result = parseConfig({ PORT: '', CORS_ORIGINS: '', LOG_LEVEL: '' });
    expect(result.ok && result.config.port).toBe(3000);
  });

  test('when CORS_ORIGINS lists origins, then they are normalised to bare origins', () => {
    const result = parseConfig({ CORS_ORIGINS: 'https://a.example/, http://b.example:8080' });
    expect(result.ok && result.config.corsOrigins).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
  });

  test('when TRUSTED_PROXIES is unset, then no outer proxy is trusted', () => {
    const result = parseConfig({});
    expect(result.ok && result.config.trustedProxies).toEqual([]);
  });

  test('when TRUSTED_PROXIES lists addresses and CIDR ranges, then each becomes a range', () => {
    const result = parseConfig({ TRUSTED_PROXIES: '203.0.113.7, 10.0.0.0/8,2001:db8::/32' });
    expect(result.ok && result.config.trustedProxies).toEqual([
      { address: '203.0.113.7', prefix: 32, family: 'ipv4' },
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '2001:db8::', prefix: 32, family: 'ipv6' },
    ]);
  });

  test('when TRUSTED_PROXIES has something that is not an address or range, then it is named', () => {
    const result = parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.example, 10.0.0.0/33' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.split(' (got')[0])).toEqual([
      'TRUSTED_PROXIES: "proxy.example" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)',
      'TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)',
    ]);
  });

  test('when TZ names a zone Intl knows, then it is the default team time zone, spelled canonically', () => {
    const result = parseConfig({ TZ: 'europe/berlin' });
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.config.defaultTimeZone).toBe('Europe/Berlin');
  });

  test('when TZ is unset or not an IANA zone (a POSIX rule for the logs), then the team default is UTC and the API still starts', () => {
    for (const env of [{}, { TZ: ':/etc/localtime' }, { TZ: 'Nowhere/Special' }]) {
      const result = parseConfig(env);
      if (!result.ok) throw new Error(result.errors.join());
      expect(result.config.defaultTimeZone).toBe('UTC');
    }
  });

  test('when SMTP is set in the environment, then email settings come from it with the default port of the TLS mode', () => {
    const result = parseConfig({
      SMTP_HOST: 'smtp.example.com',
      SMTP_TLS: 'tls',
      SMTP_FROM: ' stock@example.com ',
      SMTP_PASSWORD: 'pw',
      PUBLIC_URL: 'https://stock.example.com/',
    });
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.config.mail).toEqual({
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        tls: 'tls',
        user: null,
        password: 'pw',
        from: 'stock@example.com',
        tlsCa: null,
        tlsVerify: true,
      },
      publicUrl: 'https://stock.example.com',
      digestHourUtc: 7,
      retentionDays: 30,
    });
    const none = parseConfig({});
    expect(none.ok && none.config.mail.smtp).toBeNull();
  });

  test('when SMTP values are bad, then each is named and the password is never echoed', () => {
    const result = parseConfig({
      SMTP_HOST: 'smtp.example.com',
      SMTP_TLS: 'ssl',
      SMTP_PASSWORD: 'x'.repeat(501),
      PUBLIC_URL: 'ftp://stock',
      ALERT_DIGEST_HOUR: '24',
      SMTP_TLS_CA_FILE: '/nonexistent/ca.pem',
      SMTP_TLS_VERIFY: 'no',
      MAIL_RETENTION_DAYS: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const keys = result.errors.map((e) => e.split(':')[0]).sort();
    expect(keys).toEqual([
      'ALERT_DIGEST_HOUR',
      'MAIL_RETENTION_DAYS',
      'PUBLIC_URL',
      'SMTP_PASSWORD',
      'SMTP_TLS',
      'SMTP_TLS_CA_FILE',
      'SMTP_TLS_VERIFY',
    ]);
    expect(result.errors.join()).toContain('cannot read /nonexistent/ca.pem (ENOENT)');
    expect(result.errors.join()).not.toContain('xxxx');
    const noSender = parseConfig({ SMTP_HOST: 'smtp.example.com' });
    expect(!noSender.ok && noSender.errors).toEqual([
      'SMTP_FROM: set SMTP_FROM (the sender address, e.g. stockroom@example.com) with SMTP_HOST',
    ]);
  });

  test('when HSTS_MAX_AGE is unset, 0 or two years, then it is taken; when not whole seconds in that range, then it is named', () => {
    const max = (v?: string) => {
      const r = parseConfig(v === undefined ? {} : { HSTS_MAX_AGE: v });
      return r.ok ? r.config.hstsMaxAgeSeconds : r.errors;
    };
    expect(max()).toBe(31536000);
    expect(max('')).toBe(31536000);
    expect(max('0')).toBe(0);
    expect(max('63072000')).toBe(63072000);
    expect(max('63072001')).toEqual(['HSTS_MAX_AGE: must be at most 63072000 (got "63072001")']);
    expect(max('1y')).toEqual(['HSTS_MAX_AGE: must be a number (got "1y")']);
    expect(max('-1')).toEqual(['HSTS_MAX_AGE: must be at least 0 (got "-1")']);
  });
});
