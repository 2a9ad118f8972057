import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, default as Axe } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** Impacts that fail the walk; moderate and minor ones are printed but allowed. */
const BLOCKING = new Set(['serious', 'critical']);

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `    at ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
    )
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/**
 * Runs axe-core on the page as it is now and throws, listing every serious or critical
 * violation, if there are any. axe goes in through the DevTools protocol (page.evaluate),
 * which the app's Content-Security-Policy does not apply to.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  // A string is evaluated as a script by the DevTools protocol; `new Function` inside the
  // page would be refused by the CSP (no 'unsafe-eval').
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(source);
  const results = await page.evaluate(async (): Promise<AxeResults> => {
    const { axe } = window as unknown as { axe: typeof Axe };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) {
    console.log(`a11y ${label}: ${other.length} minor/moderate\n${other.map(describe).join('\n')}`);
  }
  if (blocking.length > 0) {
    throw new Error(
      `axe found ${blocking.length} serious/critical accessibility violation(s) on ${label} (${page.url()}):\n${blocking.map(describe).join('\n')}`,
    );
  }
}
