import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface ScreenSize {
  name: 'desktop' | 'phone';
  viewport: { width: number; height: number };
  /** Phones get touch, a mobile viewport and a sharper (2x) screenshot. */
  mobile: boolean;
}

export const SIZES: ScreenSize[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, mobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true },
];

// Headless Debian chromium with nothing running in the background that could make a run
// depend on the network or on what an earlier run left behind.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A fresh browser with its own temporary profile (so no cookies or cache from before). */
export async function launch(
  chromiumPath: string,
  size: ScreenSize,
  options: {
    baseUrl?: string;
    /** Extra Chromium flags (the camera walk's fake camera). */
    args?: string[];
    /** The camera walk's self-signed certificate (its fingerprint is checked by scripts/e2e-https.sh). */
    ignoreHTTPSErrors?: boolean;
  } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'stockroom-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
      viewport: size.viewport,
      deviceScaleFactor: size.mobile ? 2 : 1,
      isMobile: size.mobile,
      hasTouch: size.mobile,
      locale: 'en-GB',
      timezoneId: 'UTC',
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  // Auto-waiting actions give up after this; generous for a shared two-core machine.
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
