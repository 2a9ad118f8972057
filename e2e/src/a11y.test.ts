// The accessibility gate itself: it must fail on serious problems and pass a clean page,
// or a green walk would prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './a11y.js';
import { launch, SIZES, type Browser } from './browser.js';
import { chromiumPath } from './env.js';

describe('checkA11y (axe-core in the browser)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath(), SIZES[0]!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('throws, naming each serious or critical rule and where it failed', async () => {
    await browser.page.setContent(
      '<html lang="en"><title>t</title><main><img src="data:," id="logo"><button id="nameless"></button></main></html>',
    );
    const failure = await checkA11y(browser.page, 'a broken page').then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(/\[critical\] image-alt/);
    expect(failure?.message).toMatch(/\[critical\] button-name/);
    expect(failure?.message).toMatch(/#logo/);
  });

  it('passes a page with no serious problems', async () => {
    await browser.page.setContent(
      '<html lang="en"><title>t</title><main><h1>Fine</h1><img src="data:," alt="Logo"><button>Save</button></main></html>',
    );
    await expect(checkA11y(browser.page, 'a clean page')).resolves.toBeUndefined();
  });
});
