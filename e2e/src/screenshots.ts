import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ScreenSize } from './browser.js';

/** The pages docs/screenshots has, one file per page and size. */
export type ScreenshotName =
  'sign-in' | 'dashboard' | 'items' | 'item' | 'locations' | 'movement-form' | 'history' | 'users';

/**
 * With --update-screenshots, saves the viewport (not the full page, to keep files small) as
 * docs/screenshots/<name>-<size>.png; otherwise does nothing.
 */
export async function screenshot(
  page: Page,
  enabled: { updateScreenshots: boolean; screenshotDir: string },
  name: ScreenshotName,
  size: ScreenSize,
): Promise<void> {
  if (!enabled.updateScreenshots) return;
  await mkdir(enabled.screenshotDir, { recursive: true });
  await page.screenshot({
    path: join(enabled.screenshotDir, `${name}-${size.name}.png`),
    animations: 'disabled',
    caret: 'hide',
  });
}
