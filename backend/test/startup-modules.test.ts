import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// Issue 12 (idle RSS): the modules main.ts imports must not pull in the label renderer or the
// mail library; those load on the first print or send. Checked in a fresh process, because
// Jest's own module registry is not Node's.
const BACKEND_DIR = path.resolve(__dirname, '..');
const HEAVY = [
  'pdfkit',
  'fontkit',
  'bwip-js',
  'qrcode',
  'bidi-js',
  'nodemailer',
  'exceljs',
  'csv-stringify',
  // The import runner's (imports.run.ts), loaded with the first import job.
  'csv-parse',
  'pg-copy-streams',
  // The password hasher (a native addon), loaded with the first password to hash or check.
  'argon2',
];

// Node's own module that only an outgoing https webhook needs (lib/http/outbound.ts; on node
// 20 tls is loaded anyway, by undici through pg's runtime check).
const LAZY_BUILTINS = ['https'];

// Route modules loaded on their first request (api-v1.ts, lazy-routes.ts), and the import
// runner: their services and schemas are not loaded at startup either.
const LAZY_MODULES = [
  'modules/imports/imports.service',
  'modules/imports/imports.run',
  'modules/exports/exports.service',
  'modules/labels/labels.service',
  'modules/counts/counts.service',
  'modules/reconciliation/reconciliation.service',
  'modules/webhooks/webhooks.schemas',
];

const LIST_LOADED = `
for (const m of ['./src/app', './src/background', './src/lib/db', './src/lib/migrations',
  './src/modules/auth/auth.service', './src/modules/locations/locations.jobs',
  './src/modules/mail/mail.jobs', './src/modules/imports/imports.jobs', './src/server']) require(m);
const files = Object.keys(require.cache);
const pkgs = new Set(files
  .map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean));
const app = files.map((f) => /[\\\\/]src[\\\\/](.+)\\.ts$/.exec(f)?.[1]?.replace(/\\\\/g, '/')).filter(Boolean);
const builtins = process.moduleLoadList
  .filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
process.stdout.write(JSON.stringify({ pkgs: [...pkgs], app, builtins }));
`;

describe('what the API loads at startup', () => {
  it('when the entry modules load, then no label renderer, mail library, password hasher, import runner, lazy route module or https client is loaded', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '-e', LIST_LOADED],
      { cwd: BACKEND_DIR },
    );
    const loaded = JSON.parse(stdout) as { pkgs: string[]; app: string[]; builtins: string[] };
    expect(loaded.pkgs).toContain('express');
    expect(loaded.pkgs.filter((p) => HEAVY.includes(p))).toEqual([]);
    expect(loaded.app).toContain('modules/items/items.service');
    expect(loaded.app.filter((f) => LAZY_MODULES.includes(f))).toEqual([]);
    expect(loaded.builtins).toContain('http');
    expect(loaded.builtins.filter((m) => LAZY_BUILTINS.includes(m))).toEqual([]);
  });
});
