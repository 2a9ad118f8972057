// The app as a person uses it, in a real browser, through nginx, against the real API and
// database: first-run setup, then the same walk at desktop and phone size.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { checkA11y } from './a11y.js';
import { launch, SIZES, type Browser, type ScreenSize } from './browser.js';
import { readEnv } from './env.js';
import { screenshot, type ScreenshotName } from './screenshots.js';
import { readSetupToken } from './setup-token.js';

const env = readEnv();
const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const runId = Date.now().toString(36).toUpperCase();
// The admin made by first-run setup, or the one BASE_URL mode was given.
const admin = env.admin ?? {
  email: `e2e-admin-${runId.toLowerCase()}@example.com`,
  password: `e2e-${randomBytes(12).toString('hex')}`,
};

/**
 * Adds what the page showed to a failed step's error: its URL, heading, alerts and status
 * lines, and a screenshot in e2e/test-results/ (not committed).
 */
async function explainFailure(page: Page, name: string, error: unknown): Promise<void> {
  if (!(error instanceof Error)) return;
  try {
    const file = join(RESULTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: file, timeout: 5_000 });
    const texts = async (role: 'heading' | 'alert' | 'status') =>
      (await page.getByRole(role).allInnerTexts()).filter((t) => t.trim()).join(' | ');
    error.message += `\n  page: ${page.url()}\n  headings: ${await texts('heading')}\n  alerts: ${await texts('alert')}\n  status: ${await texts('status')}\n  screenshot: ${file}`;
  } catch {
    // The browser may be gone; the original error is what matters.
  }
}

/** Steps of one walk share a browser; after a failed step the rest say so instead of piling up errors. */
function walkSteps(size: ScreenSize) {
  let browser: Browser | undefined;
  let broken: string | undefined;
  const page = (): Page => {
    if (!browser) throw new Error('the browser did not start');
    return browser.page;
  };
  beforeAll(async () => {
    browser = await launch(env.chromiumPath, size, { baseUrl: env.baseUrl });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const step = (name: string, body: (page: Page) => Promise<void>) =>
    it(name, async () => {
      if (broken) throw new Error(`not run: the earlier step "${broken}" failed`);
      try {
        await body(page());
      } catch (error) {
        broken = name;
        await explainFailure(page(), `${size.name}-${name}`, error);
        throw error;
      }
    });
  return step;
}

// --- small helpers over Playwright's auto-waiting locators -------------------------------------

/** Waits for the page's h1 (the app sets one per page). */
async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function shown(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

async function focused(page: Page, locator: Locator): Promise<void> {
  await locator.and(page.locator(':focus')).waitFor();
}

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** On phones the main links fold behind a Menu button; open it when it is there and closed. */
async function openMenu(page: Page): Promise<void> {
  const menu = mainNav(page).getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
  }
}

/** On phones the filters fold behind a "Filters" summary; open them when they are folded. */
async function openFilters(page: Page): Promise<void> {
  const summary = page.locator('summary', { hasText: /^Filters/ });
  if (!(await summary.isVisible())) return;
  const open = await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}

async function go(page: Page, link: string, title: string): Promise<void> {
  await openMenu(page);
  await mainNav(page).getByRole('link', { name: link, exact: true }).click();
  await heading(page, title);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');
}

function status(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** Types a code as a USB scanner does: the characters, then Enter. */
async function scan(field: Locator, code: string): Promise<void> {
  await field.fill(code);
  await field.press('Enter');
}

/**
 * Scans an item code into the movement form and waits, as a person watching the screen
 * does, until the form shows what it found (the next scan is only worth making then).
 */
async function scanItem(page: Page, code: string, item: { sku: string; name: string }) {
  await scan(page.getByRole('textbox', { name: 'Item', exact: true }), code);
  await shown(page.getByText(`${item.sku} — ${item.name}`));
}

/**
 * Switches the movement form to another kind. The radio is checked as soon as it is clicked
 * (not once the URL's ?kind= has followed, which a browser does a moment later).
 */
async function chooseKind(page: Page, kind: string, submitLabel: string): Promise<void> {
  const radio = page.getByRole('radio', { name: kind });
  await radio.click();
  expect(await radio.isChecked()).toBe(true);
  await shown(page.getByRole('button', { name: submitLabel, exact: true }));
}

/** The location chosen in a movement form's slot ("From location", "To location", "Location"). */
function chosenLocation(page: Page, slot: string): Promise<string | undefined> {
  return page
    .getByRole('combobox', { name: `or choose ${slot.toLowerCase()}` })
    .evaluate((select: HTMLSelectElement) =>
      // Locations holding the item show their stock after the name: "BIN-A — Bin A (5 each)".
      select.selectedOptions[0]?.text.trim().replace(/ \([^)]*\)$/, ''),
    );
}

/** Scans a location code into a slot and waits until the slot shows that location. */
async function scanLocation(page: Page, slot: string, location: { code: string; name: string }) {
  await scan(page.getByRole('textbox', { name: `${slot} code` }), location.code);
  await expect.poll(() => chosenLocation(page, slot)).toBe(`${location.code} — ${location.name}`);
}

// --- first-run setup --------------------------------------------------------------------------

// Only when run.sh started the stack: with BASE_URL the stack was set up long ago.
if (env.composeDir) {
  const composeDir = env.composeDir;
  describe('first-run setup (desktop)', () => {
    const desktop = SIZES[0]!;
    const step = walkSteps(desktop);

    step(
      'a new stack sends the first visitor to setup, which takes the token from the API log',
      async (page) => {
        await page.goto('/');
        await heading(page, 'Set up Stockroom');
        expect(new URL(page.url()).pathname).toBe('/setup');
        await checkA11y(page, 'setup');

        const token = await readSetupToken(composeDir);
        await page.getByRole('textbox', { name: 'Setup token' }).fill(token);
        await page.getByRole('textbox', { name: 'Email' }).fill(admin.email);
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Admin');
        await page.getByLabel('Password', { exact: true }).fill(admin.password);
        await page.getByLabel('Confirm password').fill(admin.password);
        await page.getByRole('button', { name: 'Create admin and sign in' }).click();

        await heading(page, 'Dashboard');
        await shown(page.getByRole('button', { name: /Ada Admin.*account menu/ }));
        await checkA11y(page, 'dashboard (empty)');
      },
    );

    step(
      'setup is done once: /setup now goes to the app, signing out goes to sign in',
      async (page) => {
        await page.goto('/setup');
        await heading(page, 'Dashboard');
        await signOut(page);
        await page.goto('/setup');
        await heading(page, 'Sign in');
      },
    );
  });
}

// --- the walk, at each size -------------------------------------------------------------------

for (const size of SIZES) {
  describe(`walk at ${size.name} size (${size.viewport.width}×${size.viewport.height})`, () => {
    const step = walkSteps(size);
    // Everything this walk makes is named with its own tag, so walks and runs never collide.
    const tag = `${size.name === 'desktop' ? 'D' : 'P'}${runId}`;
    const warehouse = { code: `${tag}-WH`, name: `Warehouse ${tag}` };
    const binA = { code: `${tag}-A`, name: 'Bin A' };
    const binB = { code: `${tag}-B`, name: 'Bin B' };
    const bolt = {
      sku: `${tag}-BOLT`,
      name: 'Hex bolt M8',
      barcode: `${Date.now()}${size.name === 'desktop' ? 1 : 2}`,
    };
    const nut = { sku: `${tag}-NUT`, name: 'Nyloc nut M8', barcode: '' };
    const viewer = {
      email: `viewer-${tag.toLowerCase()}@example.com`,
      name: `Vera Viewer ${tag}`,
      password: `viewer-${randomBytes(8).toString('hex')}`,
    };
    let boltId = 0;
    const shot = (page: Page, name: ScreenshotName) => screenshot(page, env, name, size);

    step('sign in as the admin', async (page) => {
      await page.goto('/');
      await heading(page, 'Sign in');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await checkA11y(page, 'sign-in');
      await shot(page, 'sign-in');
      await signIn(page, admin.email, admin.password);
      await heading(page, 'Dashboard');
    });

    if (size.mobile) {
      step('the main menu folds behind a Menu button that Escape closes', async (page) => {
        const nav = mainNav(page);
        const menu = nav.getByRole('button', { name: 'Menu' });
        const items = nav.getByRole('link', { name: 'Items', exact: true });
        expect(await items.isVisible()).toBe(false);
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await shown(items);
        await page.keyboard.press('Escape');
        await items.waitFor({ state: 'hidden' });
        await focused(page, menu);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          size.viewport.width,
        );
      });
    }

    step('create a location tree: a warehouse with two bins', async (page) => {
      await go(page, 'Locations', 'Locations');
      for (const [location, parent] of [
        [warehouse, null],
        [binA, warehouse],
        [binB, warehouse],
      ] as const) {
        // The empty page has a second "New location" button; either opens the form.
        await page.getByRole('button', { name: 'New location' }).first().click();
        const form = page.getByRole('region', { name: 'New location' });
        await form.getByRole('textbox', { name: 'Code' }).fill(location.code);
        await form.getByRole('textbox', { name: 'Name', exact: true }).fill(location.name);
        if (parent) {
          await form
            .getByRole('combobox', { name: 'Parent' })
            .selectOption({ label: `${parent.code} — ${parent.name}` });
        }
        await form.getByRole('button', { name: 'Create location' }).click();
        await shown(status(page, `Created ${location.code} — ${location.name}.`));
      }

      await page.getByRole('button', { name: 'Expand all' }).click();
      const parentItem = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: `${warehouse.code} ${warehouse.name}` }) });
      await shown(parentItem.getByRole('link', { name: `${binA.code} ${binA.name}` }));
      await shown(parentItem.getByRole('link', { name: `${binB.code} ${binB.name}` }));
      await checkA11y(page, 'locations');
      await shot(page, 'locations');
    });

    step('create two items', async (page) => {
      for (const item of [bolt, nut]) {
        await go(page, 'Items', 'Items');
        await page.getByRole('link', { name: 'New item' }).first().click();
        await heading(page, 'New item');
        await page.getByRole('textbox', { name: 'SKU' }).fill(item.sku);
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(item.name);
        if (item.barcode) {
          await page.getByRole('textbox', { name: /^Barcode/ }).fill(item.barcode);
          await page.getByRole('textbox', { name: /^Reorder point/ }).fill('5');
        }
        await checkA11y(page, 'new item form');
        if (item === nut) {
          // A fast double click posts once.
          const posts: string[] = [];
          const count = (request: { method: () => string; url: () => string }) => {
            if (request.method() === 'POST' && request.url().endsWith('/api/v1/items'))
              posts.push(request.url());
          };
          page.on('request', count);
          await page.getByRole('button', { name: 'Create item' }).dblclick();
          await heading(page, `${item.sku} — ${item.name}`);
          page.off('request', count);
          expect(posts).toHaveLength(1);
        } else {
          await page.getByRole('button', { name: 'Create item' }).click();
        }
        await heading(page, `${item.sku} — ${item.name}`);
        await shown(status(page, `Created ${item.sku} — ${item.name}.`));
        if (item === bolt) boltId = Number(/\/items\/(\d+)$/.exec(page.url())?.[1]);
      }
      expect(boltId).toBeGreaterThan(0);
      await checkA11y(page, 'item page (new item)');
    });

    step('receive stock by scanning barcodes and location codes', async (page) => {
      await go(page, 'Movements', 'Movements');
      await page.getByRole('link', { name: 'Record a movement' }).click();
      await heading(page, 'Record a movement');
      const itemField = page.getByRole('textbox', { name: 'Item', exact: true });
      const quantity = page.getByRole('textbox', { name: /^Quantity/ });
      await focused(page, itemField);

      // A scanner types into the focused field and presses Enter; focus moves on by itself.
      await scanItem(page, bolt.barcode, bolt);
      const toCode = page.getByRole('textbox', { name: 'To location code' });
      await focused(page, toCode);
      await scanLocation(page, 'To location', binA);
      await focused(page, quantity);
      await quantity.pressSequentially('10');
      await quantity.press('Enter');
      await shown(status(page, `Received 10 each of ${bolt.sku} into ${binA.code}.`));
      // Ready for the next scan: back in the item field, the location still chosen.
      await focused(page, itemField);
      expect(await chosenLocation(page, 'To location')).toBe(`${binA.code} — ${binA.name}`);

      // At a scanner's pace: quantity and Enter before the lookup has answered. The submit
      // waits for the lookup instead of being dropped.
      await scan(itemField, nut.sku);
      await quantity.fill('25');
      await quantity.press('Enter');
      await shown(status(page, `Received 25 each of ${nut.sku} into ${binA.code}.`));
      await checkA11y(page, 'movement form (receive)');
    });

    step('a barcode is never a quantity', async (page) => {
      const itemField = page.getByRole('textbox', { name: 'Item', exact: true });
      const quantity = page.getByRole('textbox', { name: /^Quantity/ });

      // A double read: the location is kept, so the second read lands in the quantity.
      await scanItem(page, bolt.barcode, bolt);
      await focused(page, quantity);
      await quantity.pressSequentially(bolt.barcode);
      await quantity.press('Enter');
      await shown(page.getByText(`${bolt.barcode} is the code of ${bolt.sku}, not a quantity`));
      expect(await quantity.inputValue()).toBe('');
      await focused(page, quantity);

      // A location scanned where the quantity is expected is taken as the location.
      await quantity.fill(binB.code);
      await quantity.press('Enter');
      await shown(page.getByText(`${binB.code} is a location: it is now the to location.`));
      await expect
        .poll(() => chosenLocation(page, 'To location'))
        .toBe(`${binB.code} — ${binB.name}`);
      expect(await quantity.inputValue()).toBe('');

      // A number far too large asks first; Escape clears it and gives focus back.
      await quantity.pressSequentially('96385074');
      await quantity.press('Enter');
      const question = page.getByRole('group', { name: 'Check the quantity' });
      await focused(page, question);
      await checkA11y(page, 'movement form (quantity question)');
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached' });
      await focused(page, quantity);
      expect(await quantity.inputValue()).toBe('');

      // Nothing of that was recorded.
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /96,385,074|Received/ })
          .count(),
      ).toBe(0);
      await itemField.fill('');
    });

    step('transfer between bins', async (page) => {
      await chooseKind(page, 'Transfer', 'Transfer');
      await scanItem(page, bolt.sku, bolt);
      // The other way to choose: the list, indented by depth; picked while the scanned
      // "from" code may still be looked up, and neither choice undoes the other.
      await scan(page.getByRole('textbox', { name: 'From location code' }), binA.code);
      await page
        .getByRole('combobox', { name: 'or choose to location' })
        .selectOption({ label: `\u00a0\u00a0${binB.code} — ${binB.name}` });
      await expect
        .poll(() => chosenLocation(page, 'From location'))
        .toBe(`${binA.code} — ${binA.name}`);
      expect(await chosenLocation(page, 'To location')).toBe(`${binB.code} — ${binB.name}`);
      await page.getByRole('textbox', { name: /^Quantity/ }).fill('4');
      await page.getByRole('button', { name: 'Transfer', exact: true }).click();
      await shown(status(page, `Moved 4 each of ${bolt.sku} from ${binA.code} to ${binB.code}.`));
    });

    step('shipping more than is on hand is refused with a clear message', async (page) => {
      await chooseKind(page, 'Ship', 'Ship');
      await scanItem(page, bolt.sku, bolt);
      await scanLocation(page, 'From location', binB);
      const quantity = page.getByRole('textbox', { name: /^Quantity/ });
      await quantity.fill('9');
      await quantity.press('Enter');

      await shown(
        page
          .getByRole('alert')
          .filter({ hasText: 'Not recorded' })
          .filter({ hasText: `Only 4 each of ${bolt.sku} on hand at ${binB.code}; 9 requested.` }),
      );
      await shown(page.getByText('Only 4 each available.'));
      // The quantity is at fault: focus goes there, and it is marked invalid.
      await focused(page, quantity);
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      await checkA11y(page, 'movement form (refused shipment)');
      await shot(page, 'movement-form');
    });

    step('count a bin: the difference is recorded', async (page) => {
      await chooseKind(page, 'Count', 'Record count');
      await scanItem(page, bolt.sku, bolt);
      await scanLocation(page, 'Location', binA);
      const counted = page.getByRole('textbox', { name: /^Counted quantity/ });
      await focused(page, counted);
      await counted.fill('5');
      await counted.press('Enter');
      // 10 received − 4 moved = 6 expected; 5 counted.
      await shown(status(page, `Counted 5 each of ${bolt.sku} at ${binA.code} (−1).`));
    });

    step('an each item takes whole numbers only, in the form and in the API', async (page) => {
      await chooseKind(page, 'Receive', 'Receive');
      await scanItem(page, bolt.sku, bolt);
      await scanLocation(page, 'To location', binA);
      const quantity = page.getByRole('textbox', { name: /^Quantity/ });
      // A digits-only keypad on a phone, and the rule next to the field before anyone types.
      expect(await quantity.getAttribute('inputmode')).toBe('numeric');
      await quantity.fill('2.5');
      await quantity.press('Enter');
      await shown(page.getByText(`${bolt.sku} is counted in each: enter a whole number.`));
      expect(await quantity.getAttribute('aria-invalid')).toBe('true');
      await focused(page, quantity);
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: /Received 2[.,]5/ })
          .count(),
      ).toBe(0);
      await quantity.fill('');

      // The API refuses it too, whoever calls it (here with the admin's own session).
      const location = await page.request.get(
        `/api/v1/locations?code=${encodeURIComponent(binA.code)}&limit=1`,
      );
      const binAId = ((await location.json()) as { data: { id: number }[] }).data[0]!.id;
      const refused = await page.request.post('/api/v1/movements', {
        headers: { 'X-Requested-With': 'stockroom' },
        data: { kind: 'receive', itemId: boltId, toLocationId: binAId, quantity: '2.5' },
      });
      expect(refused.status()).toBe(422);
      expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
      expect(((await refused.json()) as { code?: string }).code).toBe('WHOLE_UNITS_ONLY');

      // The item and location are still typed in: leaving asks first, and leaving is explicit.
      await openMenu(page);
      await mainNav(page).getByRole('link', { name: 'Items', exact: true }).click();
      const leave = page.getByRole('group', { name: /Leave this form\?/ });
      await focused(page, leave);
      await leave.getByRole('button', { name: 'Leave without saving' }).click();
      await heading(page, 'Items');
    });

    step('the item page shows stock by location and the history', async (page) => {
      await go(page, 'Items', 'Items');
      await openFilters(page);
      await page.getByRole('searchbox', { name: 'Search' }).fill(tag);
      const table = page.getByRole('table', { name: 'Items' });
      await shown(table.getByRole('row').filter({ hasText: nut.sku }));
      const boltRow = table.getByRole('row').filter({ hasText: bolt.sku });
      await shown(boltRow.filter({ hasText: '9 each' }));
      await expect.poll(() => table.getByRole('row').count()).toBe(3); // header + 2 items
      await checkA11y(page, 'items (searched)');

      await boltRow.getByRole('link', { name: bolt.sku }).click();
      await heading(page, `${bolt.sku} — ${bolt.name}`);
      // What a viewer must not get (checked later) is here for the admin.
      await shown(page.getByRole('button', { name: 'Edit' }));
      await shown(page.getByRole('navigation', { name: 'Record a movement' }));
      const stock = page.getByRole('table', { name: 'Stock by location' });
      await shown(
        stock.getByRole('row').filter({ hasText: binA.code }).filter({ hasText: '5 each' }),
      );
      await shown(
        stock.getByRole('row').filter({ hasText: binB.code }).filter({ hasText: '4 each' }),
      );
      await shown(
        stock.getByRole('row').filter({ hasText: 'Total' }).filter({ hasText: '9 each' }),
      );

      const history = page.getByRole('table', { name: `Movements of ${bolt.sku}` });
      const rows = history.locator('tbody tr');
      await shown(rows.first());
      // Received, transferred, counted; the refused shipment left no trace.
      await expect.poll(() => rows.allInnerTexts()).toHaveLength(3);
      const texts = (await rows.allInnerTexts()).join('\n');
      expect(texts).toMatch(/Count/);
      expect(texts).toMatch(/Transfer/);
      expect(texts).toMatch(/Receive/);
      expect(texts).not.toMatch(/Ship/);
      await checkA11y(page, 'item page');
      await shot(page, 'item');
    });

    step('the items list and the movement history', async (page) => {
      await go(page, 'Items', 'Items');
      await shown(page.getByRole('table', { name: 'Items' }).getByRole('row').nth(1));
      await checkA11y(page, 'items');
      await shot(page, 'items');

      await go(page, 'Movements', 'Movements');
      const table = page.getByRole('table', { name: 'Movements, newest first' });
      await shown(table.getByRole('row').filter({ hasText: bolt.sku }).first());
      await checkA11y(page, 'movements');
      await shot(page, 'history');
    });

    step(
      'the item page draws its stock over time, and cycle counting lists what to count',
      async (page) => {
        await page.goto(`/items/${boltId}`);
        await heading(page, `${bolt.sku} — ${bolt.name}`);
        await shown(page.getByText(new RegExp(`^Last counted .+ at ${binA.code}`)));
        const title = `Stock of ${bolt.sku} over time (each)`;
        const figure = page.getByRole('figure', { name: title });
        // uPlot is its own chunk, fetched now; it draws on a canvas as wide as the page allows.
        await shown(figure.locator('canvas').first());
        await figure.getByText('Table view').click();
        const rows = figure.getByRole('table', { name: title }).locator('tbody tr');
        await expect.poll(() => rows.count()).toBe(3);
        expect(await rows.first().innerText()).toMatch(/Count \(count adjustment\)/);
        await checkA11y(page, 'item page (stock over time)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          size.viewport.width,
        );

        await go(page, 'Locations', 'Locations');
        await page.getByRole('link', { name: 'Not counted lately' }).click();
        await heading(page, 'Not counted lately');
        await page.getByRole('spinbutton', { name: 'Not counted for (days)' }).fill('0');
        await page
          .getByRole('combobox', { name: 'Where (with everything inside)' })
          .selectOption({ label: `${warehouse.code} — ${warehouse.name}` });
        await page.getByRole('button', { name: 'Show' }).click();
        const report = page.getByRole('table', { name: 'Stock to count' });
        const boltRows = report.getByRole('row').filter({ hasText: bolt.sku });
        // Bin B was never counted (listed first); bin A was counted in this walk.
        await shown(boltRows.filter({ hasText: binB.code }).filter({ hasText: 'Never' }));
        await shown(boltRows.filter({ hasText: binA.code }).filter({ hasNotText: 'Never' }));
        await checkA11y(page, 'not counted lately');
      },
    );

    step(
      'import a small CSV: columns, a problem row in the preview, valid rows only, result',
      async (page) => {
        // Semicolons and a comma decimal (1,5) on line 3: that row is reported, the others go in.
        const csv = [
          'SKU;Name;Unit;Location;Quantity',
          `${tag}-IMP1;Imported washer;each;${tag}-IMP/S1;5`,
          `${tag}-IMP2;Imported spacer;each;${tag}-IMP/S2;1,5`,
          `${tag}-IMP3;Imported clip;each;${tag}-IMP/S1;3`,
        ].join('\n');
        await go(page, 'Items', 'Items');
        await page.getByRole('link', { name: 'Import from a file' }).click();
        await heading(page, 'Import');
        await page.getByLabel('CSV or XLSX file').setInputFiles({
          name: `walk-${tag}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        });
        const sku = page.getByRole('combobox', { name: 'SKU', exact: true });
        await expect.poll(() => sku.inputValue()).toBe('0');
        await page
          .getByRole('combobox', { name: 'When rows have problems' })
          .selectOption('valid-rows');
        await checkA11y(page, 'import (columns)');
        await page.getByRole('button', { name: 'Check the rows' }).click();

        // The PUT answers 202 and a job checks the rows (issue 13): the page shows "Checking
        // the rows" and polls every 500 ms; the preview replaces the bar and takes focus. Wait
        // for it by what the user waits for, with room for a loaded CI box.
        const review = page.getByRole('heading', { name: '3. Check and import' });
        await review.waitFor({ timeout: 60_000 });
        await focused(page, review);
        const problem = page.getByRole('listitem').filter({ hasText: 'Line 3, Quantity' });
        await shown(problem);
        expect(await problem.innerText()).toContain('1,5');
        await checkA11y(page, 'import (preview with a problem)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          size.viewport.width,
        );

        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await focused(page, page.getByRole('heading', { name: 'Imported', exact: true }));
        const done = page
          .getByRole('definition')
          .locator('xpath=..')
          .filter({ hasText: 'Valid rows' });
        expect(await done.innerText()).toMatch(/2$/);
        await checkA11y(page, 'import (result)');

        await page.getByRole('link', { name: 'Movements of this import' }).click();
        await heading(page, 'Movements');
        const history = page.getByRole('table', { name: 'Movements, newest first' });
        await shown(
          history
            .getByRole('row')
            .filter({ hasText: `${tag}-IMP1` })
            .first(),
        );
        await shown(
          history
            .getByRole('row')
            .filter({ hasText: `${tag}-IMP3` })
            .first(),
        );
        expect(
          await history
            .getByRole('row')
            .filter({ hasText: `${tag}-IMP2` })
            .count(),
        ).toBe(0);
      },
    );

    step('an admin creates a viewer account', async (page) => {
      await go(page, 'Users', 'Users');
      await page.getByRole('button', { name: 'New user' }).click();
      const form = page.getByRole('region', { name: 'New user' });
      await form.getByRole('textbox', { name: 'Email' }).fill(viewer.email);
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill(viewer.name);
      await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Viewer' });
      await form.getByLabel('Initial password').fill(viewer.password);
      await checkA11y(page, 'users (new user form)');
      await form.getByRole('button', { name: 'Create user' }).click();
      await shown(status(page, `Created ${viewer.name} (${viewer.email}).`));
      await shown(
        page.getByRole('row').filter({ hasText: viewer.email }).filter({ hasText: 'Viewer' }),
      );
      await checkA11y(page, 'users');
      await shot(page, 'users');

      // An arrow key on a focused role select changes nothing until Save role.
      const role = page.getByRole('combobox', { name: `Role of ${viewer.name}` });
      await role.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowDown');
      expect(await role.inputValue()).not.toBe('viewer');
      await shown(page.getByRole('button', { name: `Save role of ${viewer.name}` }));
      const users = await page.request.get('/api/v1/users');
      const listed = ((await users.json()) as { data: { email: string; role: string }[] }).data;
      expect(listed.find((u) => u.email === viewer.email)?.role).toBe('viewer');
      await page.getByRole('button', { name: `Undo role change of ${viewer.name}` }).click();
      expect(await role.inputValue()).toBe('viewer');

      await go(page, 'Dashboard', 'Dashboard');
      await shown(page.getByRole('heading', { name: 'Recent movements' }));
      await shown(page.getByRole('link', { name: 'Record a movement' }));
      await checkA11y(page, 'dashboard');
      await shot(page, 'dashboard');
    });

    step('a viewer sees no write actions and cannot use them', async (page) => {
      await signOut(page);
      await signIn(page, viewer.email, viewer.password);
      await heading(page, 'Dashboard');
      await shown(page.getByRole('button', { name: /Vera Viewer.*account menu/ }));
      const nav = mainNav(page);
      await openMenu(page);
      await shown(nav.getByRole('link', { name: 'Items', exact: true }));
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Record a movement' }).count()).toBe(0);
      await checkA11y(page, 'dashboard (viewer)');

      await go(page, 'Items', 'Items');
      await shown(page.getByRole('table', { name: 'Items' }).getByRole('row').nth(1));
      expect(await page.getByRole('link', { name: 'New item' }).count()).toBe(0);

      await page.goto(`/items/${boltId}`);
      await heading(page, `${bolt.sku} — ${bolt.name}`);
      await shown(page.getByRole('table', { name: 'Stock by location' }));
      expect(await page.getByRole('navigation', { name: 'Record a movement' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);

      // Old links and typed URLs to forms are refused plainly, not shown.
      for (const [url, refusal] of [
        ['/items/new', "You don't have permission to change items"],
        ['/movements/new', "You don't have permission to record movements"],
        ['/admin/users', "You don't have permission to manage users"],
      ] as const) {
        await page.goto(url);
        await heading(page, 'No permission');
        await shown(page.getByRole('heading', { name: refusal }));
        expect(await page.getByRole('textbox').count()).toBe(0);
      }
      await checkA11y(page, 'no permission');

      // And the API itself refuses, with the viewer's own session cookie.
      const refused = await page.request.post('/api/v1/movements', {
        headers: { 'X-Requested-With': 'stockroom' },
        data: { kind: 'receive', itemId: boltId, toLocationId: 1, quantity: '1' },
      });
      expect(refused.status()).toBe(403);
      expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
      expect(((await refused.json()) as { code?: string }).code).toBe('FORBIDDEN');
      const item = await page.request.post('/api/v1/items', {
        headers: { 'X-Requested-With': 'stockroom' },
        data: { sku: `${tag}-NOPE`, name: 'Should not exist' },
      });
      expect(item.status()).toBe(403);
    });

    step(
      'signed out, a deep link goes through sign-in and back, and survives a reload',
      async (page) => {
        await signOut(page);
        const deepLink = `/items/${boltId}`;
        await page.goto(deepLink);
        await heading(page, 'Sign in');
        const signInUrl = new URL(page.url());
        expect(signInUrl.pathname).toBe('/sign-in');
        expect(signInUrl.searchParams.get('next')).toBe(deepLink);

        await signIn(page, viewer.email, viewer.password);
        await heading(page, `${bolt.sku} — ${bolt.name}`);
        expect(new URL(page.url()).pathname).toBe(deepLink);

        await page.reload();
        await heading(page, `${bolt.sku} — ${bolt.name}`);
        expect(new URL(page.url()).pathname).toBe(deepLink);
        await shown(
          page
            .getByRole('table', { name: 'Stock by location' })
            .getByRole('row')
            .filter({ hasText: '9 each' }),
        );
      },
    );
  });
}

// --- a blind count on phones: two counters at once, then a manager approves ---------------------

describe('a blind count session on phones with two counters', () => {
  const phone = SIZES.find((s) => s.mobile)!;
  const tag = `C${runId}`;
  const password = `count-${randomBytes(8).toString('hex')}`;
  const person = (role: string, name: string) => ({
    email: `${role}-${tag.toLowerCase()}@example.com`,
    name: `${name} ${tag}`,
    role,
    password,
  });
  const manager = person('manager', 'Mia Manager');
  const counters = [person('operator', 'Olu Operator'), person('operator', 'Oda Operator')].map(
    (c, i) => ({ ...c, email: `c${i}-${c.email}` }),
  );
  const shelf = { code: `${tag}-SHELF`, name: 'Count shelf' };
  const items = [`${tag}-WASHER`, `${tag}-SPRING`].map((sku) => ({ sku, name: `Part ${sku}` }));
  const browsers: Browser[] = [];
  let sessionId = 0;
  const itemIds: number[] = [];

  const open = async (who: { email: string; password: string }) => {
    const browser = await launch(env.chromiumPath, phone, { baseUrl: env.baseUrl });
    browsers.push(browser);
    await browser.page.goto('/');
    await heading(browser.page, 'Sign in');
    await signIn(browser.page, who.email, who.password);
    await heading(browser.page, 'Dashboard');
    return browser.page;
  };
  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
  });

  const post = async (page: Page, path: string, data: unknown) => {
    const res = await page.request.post(`/api/v1${path}`, {
      headers: { 'X-Requested-With': 'stockroom' },
      data,
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: number };
  };

  it('an admin makes a manager, two operators and a shelf with stock (through the API)', async () => {
    const page = await open(admin);
    for (const user of [manager, ...counters]) await post(page, '/users', user);
    const location = await post(page, '/locations', shelf);
    for (const item of items) {
      const { id } = await post(page, '/items', item);
      itemIds.push(id);
      await post(page, '/movements', {
        kind: 'receive',
        itemId: id,
        toLocationId: location.id,
        quantity: '20',
      });
    }
  });

  it('the manager opens a blind count of the shelf', async () => {
    const page = await open(manager);
    await go(page, 'Counts', 'Counts');
    await page.getByRole('textbox', { name: 'Location code' }).fill(shelf.code);
    expect(await page.getByRole('checkbox', { name: /Blind count/ }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Flag variances over (quantity)' }).fill('2');
    await checkA11y(page, 'counts (open form)');
    await page.getByRole('button', { name: 'Open count' }).click();
    await heading(page, new RegExp(`^Count \\d+ of ${shelf.code}$`));
    sessionId = Number(/\/counts\/(\d+)/.exec(page.url())?.[1]);
    expect(sessionId).toBeGreaterThan(0);
  });

  it('two operators count at once on their phones and see no expected quantities', async () => {
    const pages = await Promise.all(counters.map((c) => open(c)));
    // Each counts one item; the second also recounts the first counter's item later.
    const counts = [
      [items[0]!, '19'],
      [items[1]!, '20'],
    ] as const;
    await Promise.all(
      pages.map(async (page, i) => {
        await page.goto(`/counts/${sessionId}`);
        await heading(page, `Count ${sessionId} of ${shelf.code}`);
        await shown(page.getByText('Blind count: enter what is on the shelf.'));
        await scan(page.getByRole('textbox', { name: 'Location', exact: true }), shelf.code);
        await shown(page.getByText(`Counting at ${shelf.code}`));
        const [item, quantity] = counts[i]!;
        await scan(page.getByRole('textbox', { name: 'Item', exact: true }), item.sku);
        await shown(page.getByText(`${item.sku} — ${item.name}`));
        await scan(page.getByRole('textbox', { name: 'Counted quantity' }), quantity);
        await shown(status(page, `Counted ${quantity} each of ${item.sku} at ${shelf.code}.`));
      }),
    );
    const page = pages[0]!;
    expect(await page.getByRole('heading', { name: /^Expected/ }).count()).toBe(0);
    const detail = await page.request.get(`/api/v1/counts/${sessionId}`);
    expect(((await detail.json()) as { expected: unknown[] }).expected).toEqual([]);
    await checkA11y(page, 'count session (blind counter)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.viewport.width,
    );
  });

  it('the manager reviews the variances and approves; the adjustments are posted once', async () => {
    const page = browsers[1]!.page;
    await page.goto(`/counts/${sessionId}/review`);
    await heading(page, `Review count ${sessionId}`);
    const table = page.getByRole('table', { name: 'Counted lines' });
    await shown(
      table.getByRole('row').filter({ hasText: items[0]!.sku }).filter({ hasText: '-1' }),
    );
    await checkA11y(page, 'count review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Yes, approve' }).click();
    await shown(status(page, `Approved by ${manager.name}.`));
    await checkA11y(page, 'count review (approved)');
    const posted = await page.request.get(`/api/v1/movements?reference=count:${sessionId}`);
    const data = ((await posted.json()) as { data: { delta: string; item: { id: number } }[] })
      .data;
    expect(data.map((m) => [m.item.id, m.delta]).sort()).toEqual(
      [
        [itemIds[0], '-1'],
        [itemIds[1], '0'],
      ].sort(),
    );
  });
});
