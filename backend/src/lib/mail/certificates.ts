import { X509Certificate } from 'node:crypto';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM text, re-joined, or the reason it is not one: an admin who pastes
 * a private key or half a certificate hears it when saving, not at the first email.
 */
export function parseCertificatePem(text: string): { pem: string } | { error: string } {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0)
    return { error: 'must contain a PEM certificate (-----BEGIN CERTIFICATE----- …)' };
  if (text.replace(PEM_BLOCK, '').trim() !== '')
    return { error: 'must contain only PEM certificates (no keys or other text)' };
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      return { error: 'contains a certificate that cannot be read' };
    }
  }
  return { pem: blocks.join('\n') + '\n' };
}
