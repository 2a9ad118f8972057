import { escapeHtml, layout, link } from '../../lib/mail/html';

// Every admin gets this, whatever their alert preferences: a switched-off endpoint loses
// events for the integration until someone acts.
const FOOTER = 'You get this email because you are an admin of this Stockroom.';

export function webhookDisabledMessage(
  w: { url: string; consecutiveFailures: number },
  publicUrl: string,
) {
  const page = `${publicUrl}/admin/webhooks`;
  const subject = `Webhook disabled: ${w.url}`.slice(0, 300);
  const what = `after ${w.consecutiveFailures} failed deliveries in a row`;
  const text =
    `Stockroom stopped sending events to ${w.url} ${what}.\n` +
    `Events from now on wait for it (within the event retention period); re-enable it once the receiver works again.\n\n` +
    `Webhooks: ${page}\n\n${FOOTER}\n`;
  const html = layout(
    subject,
    `<p>Stockroom stopped sending events to <strong>${escapeHtml(w.url)}</strong> ${escapeHtml(what)}.</p>
<p>Events from now on wait for it (within the event retention period); re-enable it once the receiver works again.</p>
<p>${link(page, 'Open webhooks')}</p>`,
    FOOTER,
  );
  return { subject, text, html };
}
