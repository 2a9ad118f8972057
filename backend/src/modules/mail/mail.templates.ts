import { escapeHtml, layout, link } from '../../lib/mail/html';

export const FOOTER = 'Sent by Stockroom.';

export function testMessage(publicUrl: string) {
  const subject = 'Stockroom test email';
  const text = `This is a test email from Stockroom. Email works.\n\nOpen Stockroom: ${publicUrl}/\n\n${FOOTER}\n`;
  const html = layout(
    subject,
    `<p>This is a test email from Stockroom. Email works.</p><p>${link(`${publicUrl}/`, 'Open Stockroom')}</p>`,
    FOOTER,
  );
  return { subject, text, html };
}

export { escapeHtml };
