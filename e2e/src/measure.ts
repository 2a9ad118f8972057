// Page weight and time to the first item row of the items page, in the real browser.
// Prints figures; asserts nothing. Run by `npm run measure -w e2e` (run.sh --measure starts
// and seeds a stack), or against a running one:
//   E2E_BASE_URL=http://localhost E2E_ADMIN_EMAIL=… E2E_ADMIN_PASSWORD=… npx tsx src/measure.ts
// MEASURE_RUNS (default 7) loads are taken cold (new browser context: empty cache) and warm
// (same context again: cached assets).
import { availableParallelism, cpus } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';
import { readEnv } from './env.js';
import { CHROMIUM_ARGS, SIZES } from './browser.js';
import { measurePages } from './measure-pages.js';

const env = readEnv();
const runs = Number(process.env.MEASURE_RUNS ?? 7);
const ITEMS_PATH = '/items';

// Installed before the app's own scripts (via the DevTools protocol, so the CSP does not
// apply): records when the first row of the Items table is in the DOM and laid out, at the
// next animation frame, i.e. the frame that paints it. performance.now() counts from the
// start of the navigation.
const FIRST_ROW_PROBE = `(() => {
  const find = () => {
    for (const table of document.querySelectorAll('table')) {
      if (table.caption?.textContent?.trim() !== 'Items') continue;
      const row = table.querySelector('tbody tr');
      if (row && row.getBoundingClientRect().height > 0) return row;
    }
    return null;
  };
  const observer = new MutationObserver(() => {
    if (window.__firstRowMs !== undefined || !find()) return;
    window.__firstRowMs = null;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRowMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Weight {
  transferred: number;
  uncompressed: number;
  files: number;
}
type Kind = 'js' | 'css' | 'html' | 'api' | 'other';

interface Load {
  firstRowMs: number;
  fcpMs: number | undefined;
  /** The items list request (GET /api/v1/items?…): when it started and how long it took. */
  itemsApi: { startMs: number; durationMs: number } | undefined;
  weight: Record<Kind, Weight>;
}

function kindOf(response: Response): Kind {
  const type = response.request().resourceType();
  if (type === 'script') return 'js';
  if (type === 'stylesheet') return 'css';
  if (type === 'document') return 'html';
  if (new URL(response.url()).pathname.startsWith('/api/')) return 'api';
  return 'other';
}

async function load(context: BrowserContext): Promise<Load> {
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  const weight = Object.fromEntries(
    (['js', 'css', 'html', 'api', 'other'] as const).map((k) => [
      k,
      { transferred: 0, uncompressed: 0, files: 0 },
    ]),
  ) as Record<Kind, Weight>;
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const sizes = await response.request().sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        const w = weight[kindOf(response)];
        // responseBodySize: the body as it came over the wire (gzip); 0 from the cache.
        w.transferred += Math.max(0, sizes.responseBodySize); // -1 when served from the cache
        w.uncompressed += body.length;
        w.files += 1;
      })(),
    );
  });
  await page.goto(ITEMS_PATH, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => typeof (window as { __firstRowMs?: number | null }).__firstRowMs === 'number',
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const { firstRowMs, fcpMs, itemsApi } = (await page.evaluate(`(() => {
    const api = performance.getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname === '/api/v1/items');
    return {
      firstRowMs: window.__firstRowMs,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      itemsApi: api && { startMs: api.startTime, durationMs: api.responseEnd - api.startTime },
    };
  })()`)) as Pick<Load, 'firstRowMs' | 'fcpMs' | 'itemsApi'>;
  if (new URL(page.url()).pathname !== ITEMS_PATH) {
    throw new Error(`ended on ${page.url()}, not the items page (signed out?)`);
  }
  await page.close();
  return { firstRowMs, fcpMs, itemsApi, weight };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

async function main() {
  const browser: Browser = await chromium.launch({
    executablePath: env.chromiumPath,
    headless: true,
    // Scrollbars as people see them (Playwright hides them by default): one arriving with a
    // list's rows moves the centred page, a layout shift that Lighthouse counted and this did not.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: CHROMIUM_ARGS,
  });
  const options = {
    baseURL: env.baseUrl,
    viewport: SIZES[0]!.viewport, // the desktop size of the walk
    timezoneId: 'UTC',
  };
  try {
    // One sign-in; every context starts from its cookie (sign-ins are rate limited).
    const signer = await browser.newContext(options);
    const admin = env.admin;
    if (!admin) throw new Error('set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD');
    const signedIn = await signer.request.post('/api/v1/auth/login', {
      headers: { 'X-Requested-With': 'stockroom' },
      data: admin,
    });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
    const storageState = await signer.storageState();
    const totals = await signer.request.get('/api/v1/stock/summary');
    const summary = (await totals.json()) as { activeItems?: number };
    await signer.close();

    const cold: Load[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ ...options, storageState });
      cold.push(await load(context));
      await context.close();
    }
    const warm: Load[] = [];
    const context = await browser.newContext({ ...options, storageState });
    await load(context); // fills the cache
    for (let i = 0; i < runs; i++) warm.push(await load(context));
    await context.close();

    const pages = [];
    for (const size of SIZES) {
      const figures = await measurePages(
        browser,
        { ...options, viewport: size.viewport, isMobile: size.mobile, hasTouch: size.mobile },
        storageState,
      );
      pages.push(...figures.map((figure) => ({ ...figure, size: size.name })));
    }

    const first = cold[0]!.weight;
    const warmFirst = warm[0]!.weight;
    const lines = [
      `Stockroom items page in ${browser.version()} (headless, ${options.viewport.width}x${options.viewport.height}, no network throttling)`,
      `  stack: ${env.baseUrl} — ${process.env.MEASURE_CONDITIONS ?? 'a running stack'}; ${summary.activeItems ?? '?'} active items`,
      `  machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), browser and stack on the same host`,
      '',
      'Page weight of the first load (cold cache), body as transferred (gzip) / uncompressed:',
      `  JS    ${kb(first.js.transferred)} / ${kb(first.js.uncompressed)} in ${first.js.files} file(s)`,
      `  CSS   ${kb(first.css.transferred)} / ${kb(first.css.uncompressed)} in ${first.css.files} file(s)`,
      `  HTML  ${kb(first.html.transferred)} / ${kb(first.html.uncompressed)}`,
      `  API   ${kb(first.api.transferred)} / ${kb(first.api.uncompressed)} in ${first.api.files} request(s)`,
      `  other ${kb(first.other.transferred)} / ${kb(first.other.uncompressed)} in ${first.other.files} file(s)`,
      `  warm reload transfers: JS ${kb(warmFirst.js.transferred)}, CSS ${kb(warmFirst.css.transferred)}, HTML ${kb(warmFirst.html.transferred)}, API ${kb(warmFirst.api.transferred)}`,
      '',
      'Navigation start → first item row of the table painted:',
      `  cold cache: ${ms(cold.map((l) => l.firstRowMs))}`,
      `  warm cache: ${ms(warm.map((l) => l.firstRowMs))}`,
      'Where the time goes: GET /api/v1/items?… (first page of 50, with a count capped at 1,000) starts / takes:',
      `  cold cache: starts ${ms(cold.flatMap((l) => (l.itemsApi ? [l.itemsApi.startMs] : [])))}`,
      `              takes ${ms(cold.flatMap((l) => (l.itemsApi ? [l.itemsApi.durationMs] : [])))}`,
      `  warm cache: starts ${ms(warm.flatMap((l) => (l.itemsApi ? [l.itemsApi.startMs] : [])))}`,
      `              takes ${ms(warm.flatMap((l) => (l.itemsApi ? [l.itemsApi.durationMs] : [])))}`,
      'First contentful paint (for comparison):',
      `  cold cache: ${ms(cold.flatMap((l) => (l.fcpMs === undefined ? [] : [l.fcpMs])))}`,
      `  warm cache: ${ms(warm.flatMap((l) => (l.fcpMs === undefined ? [] : [l.fcpMs])))}`,
      '',
      'Per page, cold cache: layout shift (sum of shifts, at least the CLS) and JS transferred:',
      ...pages.map(
        (p) =>
          `  ${p.size.padEnd(8)}${p.path.padEnd(12)}CLS ${p.cls.toFixed(3)}   JS ${kb(p.jsTransferred)} in ${p.jsFiles} file(s)`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
  }
}

await main();
