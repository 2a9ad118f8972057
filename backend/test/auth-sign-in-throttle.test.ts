import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Response } from 'supertest';
import { hashPassword } from '../src/lib/passwords';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

// Sign-in throttling (docs/decisions/0010-sign-in-throttling.md). Time passing is simulated
// by moving recorded attempts into the past, never by sleeping.

let addressCounter = 0;
const freshIp = () => {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};
let userCounter = 0;
const WRONG = 'not the password 1';

// Every sign-in runs argon2 (on purpose); on a busy machine a test takes a while.
jest.setTimeout(300_000);

describe('sign-in throttling: failures, not successes; delays, not locks', () => {
  let t: TestApp;
  let passwordHash: string;
  beforeAll(async () => {
    t = await createTestApp();
    passwordHash = await hashPassword(TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string, device?: string) => {
    const req = t.anon.post('/api/v1/auth/login').set('X-Forwarded-For', ip);
    if (device) void req.set('Cookie', device);
    return req.send({ email, password });
  };
  /** The device cookie (name=value) a successful sign-in set. */
  const deviceOf = (res: Response) => {
    const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    const found = cookies.find((c) => c.startsWith('stockroom_device='));
    if (!found) throw new Error(`no device cookie in ${JSON.stringify(cookies)}`);
    return found.split(';')[0]!;
  };
  /** A user whose password is TEST_PASSWORD (hashed once, not per user: argon2 is slow). */
  const newUser = async (role = 'viewer') => {
    const email = `person${++userCounter}@office.test`;
    const [row] = (await t
      .db('users')
      .insert({ email, name: `Person ${userCounter}`, role, password_hash: passwordHash })
      .returning('id')) as { id: string }[];
    return { id: Number(row!.id), email };
  };
  /** As if `seconds` had passed since every recorded attempt of these emails/addresses. */
  const waitFor = (seconds: number) =>
    t.db.raw('update login_attempts set at = at - make_interval(secs => ?)', [seconds]);
  const failures = (email: string, count: number, ip: () => string) =>
    t
      .db('login_attempts')
      .insert(Array.from({ length: count }, () => ({ email, ip: ip(), succeeded: false })));
  /**
   * As if the latest attempt at `email` had happened this instant: on a busy machine a
   * 1-second delay may be over before the next request arrives.
   */
  const justNow = (email: string) =>
    t.db.raw(
      `update login_attempts set at = at + (now() - (select max(at) from login_attempts where email = :email))
        where email = :email`,
      { email },
    );
  const retryAfter = (res: Response) => Number(res.headers['retry-after']);

  test('when 30 people behind one office address sign in at 9:00, a third after a typo, then all of them get in and nobody waits', async () => {
    const office = freshIp();
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await newUser());
    const statuses: number[] = [];
    for (const [i, p] of people.entries()) {
      if (i % 3 === 0) statuses.push((await login(p.email, WRONG, office)).status);
      if (i % 9 === 0) statuses.push((await login(p.email, WRONG, office)).status);
      statuses.push((await login(p.email, TEST_PASSWORD, office)).status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
  });

  test('when someone behind the office address fails 40 times with made-up emails, then a colleague at that address still signs in with the right password', async () => {
    const office = freshIp();
    const colleague = await newUser();
    for (let i = 0; i < 40; i++) await login(`guess${i}@office.test`, WRONG, office).expect(401);
    await login(colleague.email, TEST_PASSWORD, office).expect(200);
  });

  test('when people sign in successfully 25 times from one address, then successes do not count: a typo after them is a plain 401', async () => {
    const ip = freshIp();
    const p = await newUser();
    for (let i = 0; i < 25; i++) await login(p.email, TEST_PASSWORD, ip).expect(200);
    await login(p.email, WRONG, ip).expect(401);
  });

  test("when the admin's account fails 5 times from anywhere, then the right password works at once, from the same address and from another", async () => {
    const admin = await newUser('admin');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login(admin.email, WRONG, ip).expect(401);
    await login(admin.email, TEST_PASSWORD, ip).expect(200);
    for (let i = 0; i < 5; i++) await login(admin.email, WRONG, freshIp()).expect(401);
    await login(admin.email, TEST_PASSWORD, freshIp()).expect(200);
  });

  test('when one address keeps failing for one account, then each next attempt waits 1 s, 2 s, 4 s without the password being checked, and after the wait the right password works and starts the count again', async () => {
    const p = await newUser();
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await login(p.email, WRONG, ip).expect(401);
    await justNow(p.email);
    const first = await login(p.email, TEST_PASSWORD, ip).expect(429);
    expect(first.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(retryAfter(first)).toBe(1);
    await waitFor(1);
    await login(p.email, WRONG, ip).expect(401);
    await justNow(p.email);
    expect(retryAfter(await login(p.email, TEST_PASSWORD, ip).expect(429))).toBe(2);
    await waitFor(2);
    await login(p.email, WRONG, ip).expect(401);
    await justNow(p.email);
    expect(retryAfter(await login(p.email, TEST_PASSWORD, ip).expect(429))).toBe(4);
    // The refused attempts were never checked: no sign-in, no failure recorded for them.
    expect(
      await t.db('audit_log').where({ action: 'auth.login', entity_id: String(p.id) }),
    ).toEqual([]);
    await waitFor(4);
    await login(p.email, TEST_PASSWORD, ip).expect(200);
    for (let i = 0; i < 5; i++) await login(p.email, WRONG, ip).expect(401);
    await login(p.email, TEST_PASSWORD, ip).expect(200);
  });

  test('when an attacker fails at an account from the address its owner uses, then the owner gets in with the right password from that address on their known browser', async () => {
    const p = await newUser();
    const office = freshIp();
    const device = deviceOf(await login(p.email, TEST_PASSWORD, office).expect(200));
    for (let i = 0; i < 6; i++) await login(p.email, WRONG, office).expect(401);
    await failures(p.email, 20, freshIp);
    await login(p.email, TEST_PASSWORD, office).expect(429);
    await login(p.email, TEST_PASSWORD, office, device).expect(200);
  });

  test('when failures come from many addresses, then the account-wide delay starts after 10, yet the known browser of the owner still gets in', async () => {
    const p = await newUser();
    const device = deviceOf(await login(p.email, TEST_PASSWORD, freshIp()).expect(200));
    for (let i = 0; i < 11; i++) await login(p.email, WRONG, freshIp()).expect(401);
    await justNow(p.email);
    expect(retryAfter(await login(p.email, TEST_PASSWORD, freshIp()).expect(429))).toBe(1);
    await login(p.email, TEST_PASSWORD, freshIp(), device).expect(200);
  });

  test('when an attacker has failed at an account for hours, then the wait is capped at 15 minutes and the account is never locked for its known browser', async () => {
    const p = await newUser();
    const device = deviceOf(await login(p.email, TEST_PASSWORD, freshIp()).expect(200));
    await waitFor(60);
    await failures(p.email, 40, freshIp);
    const res = await login(p.email, TEST_PASSWORD, freshIp()).expect(429);
    expect(retryAfter(res)).toBeGreaterThan(60);
    expect(retryAfter(res)).toBeLessThanOrEqual(900);
    expect(res.body.detail).toMatch(/try again in \d+ minute/);
    await login(p.email, TEST_PASSWORD, freshIp(), device).expect(200);
  });

  test('when a known browser fails 10 times for its account, then it is trusted no more and waits like any other client', async () => {
    const p = await newUser();
    const ip = freshIp();
    const device = deviceOf(await login(p.email, TEST_PASSWORD, ip).expect(200));
    for (let i = 0; i < 10; i++) await login(p.email, WRONG, ip, device).expect(401);
    for (let i = 0; i < 11; i++) await login(p.email, WRONG, freshIp()).expect(401);
    await justNow(p.email);
    await login(p.email, TEST_PASSWORD, ip, device).expect(429);
  });

  test("when a browser's device cookie belongs to another account, then it earns no trust for this one", async () => {
    const owner = await newUser();
    const other = await newUser();
    const device = deviceOf(await login(owner.email, TEST_PASSWORD, freshIp()).expect(200));
    for (let i = 0; i < 11; i++) await login(other.email, WRONG, freshIp()).expect(401);
    await justNow(other.email);
    await login(other.email, TEST_PASSWORD, freshIp(), device).expect(429);
  });

  test('when 300 failures came from one address within 15 minutes, then unknown browsers there wait, while other addresses and known browsers there do not', async () => {
    const office = freshIp();
    const p = await newUser();
    const q = await newUser();
    const device = deviceOf(await login(p.email, TEST_PASSWORD, freshIp()).expect(200));
    let k = 0;
    await t.db('login_attempts').insert(
      Array.from({ length: 299 }, () => ({
        email: `spray${++k}@x.test`,
        ip: office,
        succeeded: false,
      })),
    );
    await login(q.email, TEST_PASSWORD, office).expect(200);
    await login('spray-last@x.test', WRONG, office).expect(401);
    const res = await login(q.email, TEST_PASSWORD, office).expect(429);
    expect(retryAfter(res)).toBeGreaterThan(0);
    expect(retryAfter(res)).toBeLessThanOrEqual(900);
    await login(q.email, TEST_PASSWORD, freshIp()).expect(200);
    await login(p.email, TEST_PASSWORD, office, device).expect(200);
    await waitFor(15 * 60);
    await login(q.email, TEST_PASSWORD, office).expect(200);
  });

  test('when an unknown email is tried, then it is throttled exactly like a real account (nothing to tell them apart)', async () => {
    const p = await newUser();
    const run = async (email: string) => {
      const ip = freshIp();
      const out: (number | string)[] = [];
      for (let i = 0; i < 7; i++) {
        if (i === 6) await justNow(email);
        const res = await login(email, WRONG, ip);
        out.push(res.status, res.body.code as string, res.headers['retry-after'] ?? '-');
      }
      return out;
    };
    expect(await run('nobody-here@office.test')).toEqual(await run(p.email));
  });

  test('when 20 wrong passwords for one account arrive at once, then only one is checked and the rest wait', async () => {
    const p = await newUser();
    const ip = freshIp();
    // 9 failures an hour ago: the next attempt is free, the one after it waits 16 s.
    await failures(p.email, 9, () => ip);
    await waitFor(3600);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => login(p.email, WRONG, ip).then((r) => r.status)),
    );
    expect(results.filter((s) => s === 401)).toHaveLength(1);
    expect(results.filter((s) => s === 429)).toHaveLength(19);
  });

  test("when an admin clears a user's sign-in throttle, then the user gets in at once from the throttled address, and the clear is audited", async () => {
    const p = await newUser();
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await login(p.email, WRONG, ip).expect(401);
    await failures(p.email, 3, () => ip);
    await login(p.email, TEST_PASSWORD, ip).expect(429);
    const clear = (role: 'admin' | 'manager', id: number) =>
      t.as(role).post(`/api/v1/users/${id}/sign-in-throttle/clear`);
    await clear('manager', p.id).expect(403);
    await clear('admin', 999999).expect(404);
    const res = await clear('admin', p.id).expect(200);
    expect(res.body).toEqual({ clearedFailures: 9 });
    await login(p.email, TEST_PASSWORD, ip).expect(200);
    const [entry] = await t.db('audit_log').where({ action: 'user.sign_in_unlocked' });
    expect(entry).toMatchObject({
      actor_id: String(t.users.admin.id),
      entity_type: 'user',
      entity_id: String(p.id),
      after: { clearedFailures: 9 },
    });
  });

  test('when the CLI runs unlock-sign-in for an email, then its failures are cleared and the unlock is audited', async () => {
    const p = await newUser();
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await login(p.email, WRONG, ip).expect(401);
    await failures(p.email, 1, () => ip);
    await login(p.email, TEST_PASSWORD, ip).expect(429);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'unlock-sign-in', p.email.toUpperCase()],
      {
        cwd: path.resolve(__dirname, '..'),
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: t.database.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/7 failed/) });
    await login(p.email, TEST_PASSWORD, ip).expect(200);
    const entries = await t
      .db('audit_log')
      .where({ action: 'user.sign_in_unlocked', entity_id: String(p.id) });
    expect(entries).toMatchObject([{ actor_id: null, ip: 'cli' }]);
  });
});

describe('client addresses behind proxies (TRUSTED_PROXIES)', () => {
  const failedFrom = async (t: TestApp, forwardedFor: string) => {
    await t.anon
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: 'nobody@example.test', password: WRONG })
      .expect(401);
    const row = await t
      .db('audit_log')
      .where({ action: 'auth.login_failed' })
      .orderBy('id', 'desc')
      .first();
    return (row as { ip: string }).ip;
  };

  test('when TRUSTED_PROXIES is not set, then an X-Forwarded-For sent by the client is not believed: the address nginx saw counts', async () => {
    const t = await createTestApp({}, { users: false });
    try {
      expect(await failedFrom(t, '6.6.6.6, 198.51.100.20')).toBe('198.51.100.20');
    } finally {
      await t.close();
    }
  });

  test('when TRUSTED_PROXIES lists the outer proxy, then the client it forwarded for counts, and nothing further left is believed', async () => {
    const t = await createTestApp(
      { TRUSTED_PROXIES: '198.51.100.0/24, 2001:db8::1' },
      { users: false },
    );
    try {
      expect(await failedFrom(t, '6.6.6.6, 198.51.100.20')).toBe('6.6.6.6');
      expect(await failedFrom(t, '7.7.7.7, 6.6.6.6, 198.51.100.20')).toBe('6.6.6.6');
      expect(await failedFrom(t, '6.6.6.6, 2001:db8::1')).toBe('6.6.6.6');
      expect(await failedFrom(t, '6.6.6.6, 192.0.2.9')).toBe('192.0.2.9');
    } finally {
      await t.close();
    }
  });
});
