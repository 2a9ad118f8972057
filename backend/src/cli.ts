// Administration from inside the container:
//   docker compose exec api node dist/cli.js reset-password someone@example.com
//     reads the new password from stdin (prompts without echo on a terminal)
//   ... reset-password someone@example.com --password-stdin   (read one line from stdin)
//   ... reset-password someone@example.com --generate         (print a generated password)
// The user's sessions end and the reset is written to the audit trail.
//   ... unlock-sign-in someone@example.com
//     forgets the account's failed sign-ins (its throttle), audited like the admin's action
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from './lib/config';
import { createDb, type Db } from './lib/db';
import { SYSTEM_ACTOR } from './lib/http/identity';
import { createLogger } from './lib/logger';
import { runMigrations } from './lib/migrations';
import { clearSignInThrottle, findUserByEmail, resetPassword } from './modules/users/users.service';
import { password as passwordSchema } from './lib/account-schemas';
import type { User } from './modules/users/users.service';

const USAGE = [
  'usage: node dist/cli.js reset-password <email> [--password-stdin | --generate]',
  '       node dist/cli.js unlock-sign-in <email>',
].join('\n');
const CLI_ACTOR = { ...SYSTEM_ACTOR, ip: 'cli' };

/** One line from stdin; on a terminal, prompted with echo off. */
async function readPassword(prompt: string, plainStdin: boolean): Promise<string> {
  const tty = process.stdin.isTTY && !plainStdin;
  if (tty) process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, terminal: false });
  if (tty) process.stdin.setRawMode?.(true);
  try {
    if (!tty) {
      for await (const line of rl) return line;
      return '';
    }
    // Raw mode: collect characters ourselves so nothing is echoed.
    rl.close();
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            process.stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(value);
            return;
          }
          if (ch === '\u0003') {
            process.stdin.off('data', onData);
            reject(new Error('cancelled'));
            return;
          }
          if (ch === '\u007f') value = value.slice(0, -1);
          else value += ch;
        }
      };
      process.stdin.on('data', onData);
      process.stdin.resume();
    });
  } finally {
    if (tty) process.stdin.setRawMode?.(false);
    rl.close();
    process.stdin.pause();
  }
}

/** Opens the database (migrated, as the API would find it) and runs WORK on the user. */
async function withUser(
  email: string,
  work: (db: Db, user: User) => Promise<number>,
): Promise<number> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const db = createDb(config, logger);
  try {
    await runMigrations(db, config.migrationsDir, logger);
    const user = await findUserByEmail(db, email);
    if (!user) {
      console.error(`no user has the email ${email}`);
      return 1;
    }
    return await work(db, user);
  } finally {
    await db.destroy();
  }
}

async function resetPasswordCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'password-stdin': { type: 'boolean' }, generate: { type: 'boolean' } },
  });
  const email = positionals[0];
  if (!email || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const generated = values.generate ? randomBytes(18).toString('base64url') : undefined;
  const newPassword =
    generated ??
    (await readPassword(`New password for ${email}: `, values['password-stdin'] === true));
  const valid = passwordSchema.safeParse(newPassword);
  if (!valid.success) {
    console.error(`password ${valid.error.issues[0]?.message ?? 'is invalid'}`);
    return 2;
  }
  return withUser(email, async (db, user) => {
    await resetPassword(db, user.id, valid.data, CLI_ACTOR);
    console.error(`password of ${user.email} reset; their sessions have ended`);
    if (generated) console.log(generated);
    return 0;
  });
}

async function unlockSignInCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const email = positionals[0];
  if (!email || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  return withUser(email, async (db, user) => {
    const { clearedFailures } = await clearSignInThrottle(db, user.id, CLI_ACTOR);
    console.error(
      `sign-in of ${user.email} unlocked: ${clearedFailures} failed attempt(s) forgotten`,
    );
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'reset-password') return resetPasswordCommand(rest);
  if (command === 'unlock-sign-in') return unlockSignInCommand(rest);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
