// Lighthouse performance (desktop preset) of the dashboard and the items page, signed in,
// in Debian's Chromium. Prints figures; asserts nothing (speed is never a test). Run by
// `npm run measure -w e2e` after the page-weight figures, or against a running stack:
//   E2E_BASE_URL=http://localhost E2E_ADMIN_EMAIL=… E2E_ADMIN_PASSWORD=… npx tsx src/lighthouse.ts
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath, readEnv } from './env.js';

const env = readEnv();
const PAGES = ['/', '/items'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

/** One sign-in, whose session cookie every audited load sends. */
async function sessionCookie(): Promise<string> {
  if (!env.admin) throw new Error('set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD');
  const res = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'stockroom' },
    body: JSON.stringify(env.admin),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function main() {
  const cookie = await sessionCookie();
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const lines = [
      `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, desktop preset (simulated throttling), ${env.baseUrl}`,
    ];
    for (const path of PAGES) {
      const result = await lighthouse(
        `${env.baseUrl}${path}`,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookie },
        },
        desktopConfig,
      );
      if (!result) throw new Error(`no Lighthouse result for ${path}`);
      const { lhr } = result;
      const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const metrics = METRICS.map(
        ([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? '?'}`,
      );
      lines.push(`  ${path.padEnd(8)} performance ${score}   ${metrics.join(', ')}`);
      if (lhr.finalDisplayedUrl.replace(env.baseUrl, '') !== path) {
        lines.push(`    (ended on ${lhr.finalDisplayedUrl}: signed out?)`);
      }
    }
    console.log(lines.join('\n'));
  } finally {
    chrome.kill();
  }
}

await main();
