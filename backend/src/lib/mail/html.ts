// Email bodies are built from user data (item names, people's names); every value goes
// through escapeHtml on its way into HTML, and the layout is the only markup.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A plain, widely supported HTML email around already-escaped `bodyHtml`. */
export function layout(title: string, bodyHtml: string, footer: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em">
${bodyHtml}
<p style="color:#555;font-size:0.9em">${escapeHtml(footer)}</p>
</body></html>`;
}

export const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
