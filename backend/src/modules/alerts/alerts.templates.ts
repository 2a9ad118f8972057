import { escapeHtml, layout, link } from '../../lib/mail/html';
import type { LowItem } from './alerts.repository';

// Links point into the app at PUBLIC_URL; every value from the database is escaped in HTML.

const FOOTER = 'You get this email because you chose it under Account → Alerts in Stockroom.';

const itemUrl = (base: string, id: number) => `${base}/items/${id}`;
const lowStockUrl = (base: string) => `${base}/items?lowStock=1&sort=shortfall`;
const prefsUrl = (base: string) => `${base}/account/alerts`;

type Line = Pick<LowItem, 'id' | 'sku' | 'name' | 'unit' | 'onHand' | 'reorderPoint'>;

const lineText = (i: Line) =>
  `${i.sku} ${i.name}: ${i.onHand} ${i.unit} on hand (reorder point ${i.reorderPoint})`;

export function lowStockMessage(item: Line, publicUrl: string) {
  const subject = `Low stock: ${item.sku} ${item.name}`.slice(0, 300);
  const text =
    `${lineText(item)}.\n\nOpen the item: ${itemUrl(publicUrl, item.id)}\n` +
    `Everything low: ${lowStockUrl(publicUrl)}\n\n${FOOTER}\nChange it: ${prefsUrl(publicUrl)}\n`;
  const html = layout(
    subject,
    `<p><strong>${escapeHtml(item.sku)} ${escapeHtml(item.name)}</strong> is at or below its reorder point:
${escapeHtml(item.onHand)} ${escapeHtml(item.unit)} on hand (reorder point ${escapeHtml(item.reorderPoint)}).</p>
<p>${link(itemUrl(publicUrl, item.id), 'Open the item')} · ${link(lowStockUrl(publicUrl), 'Everything low')} · ${link(prefsUrl(publicUrl), 'Alert settings')}</p>`,
    FOOTER,
  );
  return { subject, text, html };
}

export function digestMessage(items: Line[], day: string, publicUrl: string, more: boolean) {
  const n = items.length;
  const subject = `Stockroom daily digest ${day}: ${n}${more ? '+' : ''} item${n === 1 ? '' : 's'} at or below reorder point`;
  const tail = more ? '\n…and more: see the full list.' : '';
  const text =
    `Items at or below their reorder point on ${day}:\n\n` +
    items.map((i) => `- ${lineText(i)}\n  ${itemUrl(publicUrl, i.id)}`).join('\n') +
    `${tail}\n\nFull list: ${lowStockUrl(publicUrl)}\n\n${FOOTER}\nChange it: ${prefsUrl(publicUrl)}\n`;
  const rows = items
    .map(
      (i) =>
        `<tr><td>${link(itemUrl(publicUrl, i.id), i.sku)}</td><td>${escapeHtml(i.name)}</td>` +
        `<td style="text-align:right">${escapeHtml(i.onHand)} ${escapeHtml(i.unit)}</td>` +
        `<td style="text-align:right">${escapeHtml(i.reorderPoint)}</td></tr>`,
    )
    .join('\n');
  const html = layout(
    subject,
    `<p>Items at or below their reorder point on ${escapeHtml(day)}:</p>
<table cellpadding="4" style="border-collapse:collapse">
<thead><tr><th align="left">SKU</th><th align="left">Name</th><th align="right">On hand</th><th align="right">Reorder point</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${more ? '<p>…and more.</p>' : ''}
<p>${link(lowStockUrl(publicUrl), 'Full list')} · ${link(prefsUrl(publicUrl), 'Alert settings')}</p>`,
    FOOTER,
  );
  return { subject, text, html };
}
