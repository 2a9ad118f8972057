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
];

const LIST_LOADED = `
for (const m of ['./src/app', './src/background', './src/lib/db', './src/lib/migrations',
  './src/modules/auth/auth.service', './src/modules/locations/locations.jobs',
  './src/modules/mail/mail.jobs', './src/server']) require(m);
const pkgs = new Set(Object.keys(require.cache)
  .map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean));
process.stdout.write(JSON.stringify([...pkgs]));
`;

describe('what the API loads at startup', () => {
  it('when the entry modules load, then no label renderer or mail library is loaded', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '-e', LIST_LOADED],
      { cwd: BACKEND_DIR },
    );
    const loaded = JSON.parse(stdout) as string[];
    expect(loaded).toContain('express');
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });
});
