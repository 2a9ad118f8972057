import { escapeHtml, layout, link } from '../../lib/mail/html';

// The token travels in the URL fragment (#token=…): browsers never send a fragment to a
// server, so it stays out of nginx's access log and out of Referer headers.
const setPasswordUrl = (base: string, token: string) =>
  `${base}/set-password#token=${encodeURIComponent(token)}`;

const FOOTER = 'Sent by Stockroom. If you did not expect this email, you can ignore it.';

export function invitationMessage(
  p: { name: string; invitedBy: string; organisation: string; token: string; hours: number },
  publicUrl: string,
) {
  const url = setPasswordUrl(publicUrl, p.token);
  const subject = `You are invited to ${p.organisation} on Stockroom`;
  const text =
    `Hello ${p.name},\n\n${p.invitedBy} created a Stockroom account for you at ${p.organisation}.\n` +
    `Choose your password here (the link works once, for ${p.hours / 24} days):\n\n${url}\n\n` +
    `Then sign in at ${publicUrl}/sign-in\n\n${FOOTER}\n`;
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>${escapeHtml(p.invitedBy)} created a Stockroom account for you at ${escapeHtml(p.organisation)}.</p>
<p>${link(url, 'Choose your password')} (the link works once, for ${escapeHtml(p.hours / 24)} days).</p>`,
    FOOTER,
  );
  return { subject, text, html };
}

export function passwordResetMessage(
  p: { name: string; token: string; minutes: number },
  publicUrl: string,
) {
  const url = setPasswordUrl(publicUrl, p.token);
  const subject = 'Reset your Stockroom password';
  const text =
    `Hello ${p.name},\n\nSomeone (hopefully you) asked to reset your Stockroom password.\n` +
    `Choose a new one here (the link works once, for ${p.minutes} minutes):\n\n${url}\n\n` +
    `Setting it signs you out everywhere else.\n\n${FOOTER}\n`;
  const html = layout(
    subject,
    `<p>Hello ${escapeHtml(p.name)},</p>
<p>Someone (hopefully you) asked to reset your Stockroom password.</p>
<p>${link(url, 'Choose a new password')} (the link works once, for ${escapeHtml(p.minutes)} minutes).
Setting it signs you out everywhere else.</p>`,
    FOOTER,
  );
  return { subject, text, html };
}
