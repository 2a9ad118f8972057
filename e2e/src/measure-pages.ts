// Layout shift (CLS) and first-load JS per page, for the measurement (src/measure.ts).
import type { Browser, BrowserContextOptions, Response } from 'playwright-core';

// Installed before the app's scripts: sums every layout shift not caused by input, which is
// the page's CLS or (with several session windows) an upper bound of it.
const SHIFT_PROBE = `(() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

export interface PageFigures {
  path: string;
  cls: number;
  /** Script bodies as transferred (gzip), cold cache. */
  jsTransferred: number;
  jsFiles: number;
}

/** Opens PATH in a fresh context (cold cache), waits until quiet, and reads its figures. */
async function measurePage(
  browser: Browser,
  options: BrowserContextOptions,
  path: string,
): Promise<PageFigures> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript(SHIFT_PROBE);
  let jsTransferred = 0;
  let jsFiles = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .request()
        .sizes()
        .then((sizes) => {
          jsTransferred += Math.max(0, sizes.responseBodySize);
          jsFiles += 1;
        }),
    );
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  // Late shifts (a slow list replacing its placeholder) count too.
  await page.waitForTimeout(1_000);
  await Promise.all(pending);
  const cls = (await page.evaluate('window.__shift')) as number;
  await context.close();
  return { path, cls, jsTransferred, jsFiles };
}

/** Signed out: /sign-in; signed in (STORAGE_STATE): the app's main pages. */
export async function measurePages(
  browser: Browser,
  options: BrowserContextOptions,
  storageState: BrowserContextOptions['storageState'],
): Promise<PageFigures[]> {
  const figures = [await measurePage(browser, options, '/sign-in')];
  for (const path of ['/', '/items', '/locations', '/movements', '/status']) {
    figures.push(await measurePage(browser, { ...options, storageState }, path));
  }
  return figures;
}
