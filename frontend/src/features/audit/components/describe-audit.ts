import type { AuditEntry } from '@/lib/api-types';
import { actionLabel, FIELD_LABELS } from './audit-actions';

type Snapshot = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const possessive = (name: string) => `${name}’s`;

/** Fields whose value differs between before and after, in words. */
function changedFields(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after)
    .filter(
      (key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    )
    .map((key) => FIELD_LABELS[key] ?? key);
}

/** "a, b and c". */
function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function record(entry: AuditEntry, before: Snapshot, after: Snapshot, noun: string, key: string) {
  const code = str(after[key]) ?? str(before[key]);
  const name = str(after.name) ?? str(before.name);
  if (code && name) return `${noun} ${code} (${name})`;
  if (code ?? name) return `${noun} ${code ?? name}`;
  return `${noun} #${entry.entityId ?? '?'}`;
}

function userChange(subject: string, before: Snapshot, after: Snapshot): string {
  const parts: string[] = [];
  const from = str(before.role);
  const to = str(after.role);
  if (to && from !== to) {
    parts.push(`changed ${possessive(subject)} role from ${from ?? 'none'} to ${to}`);
  }
  if (after.active === false && before.active !== false) parts.push(`deactivated ${subject}`);
  if (after.active === true && before.active === false) parts.push(`reactivated ${subject}`);
  if (str(after.name) && str(before.name) && before.name !== after.name) {
    parts.push(`renamed ${str(before.name)} to ${str(after.name)}`);
  }
  return parts.length > 0 ? list(parts) : `changed ${subject}`;
}

/**
 * One entry as a sentence a person reads: "Olga Operator signed in", "Ada Admin changed
 * Olga Operator’s role from operator to manager". Unknown actions fall back to their label.
 */
export function describeAuditEntry(entry: AuditEntry): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const actor = entry.actor ? entry.actor.name || entry.actor.email : 'Stockroom';
  const subject =
    entry.subjectName ?? str(after.name) ?? str(before.name) ?? `user #${entry.entityId ?? '?'}`;
  const fields = list(changedFields(before, after));
  const item = () => record(entry, before, after, 'item', 'sku');
  const location = () => record(entry, before, after, 'location', 'code');
  const token = () => `API token “${str(after.name) ?? str(before.name) ?? entry.entityId ?? '?'}”`;

  switch (entry.action) {
    case 'auth.login':
      return `${actor} signed in`;
    case 'auth.login_failed':
      return `Failed sign-in as ${str(after.email) ?? entry.subjectName ?? 'an unknown email'}`;
    case 'auth.logout':
      return `${actor} signed out`;
    case 'auth.password_changed':
      return `${actor} changed their password`;
    case 'auth.setup':
      return `${subject} set up Stockroom as its first admin`;
    case 'user.created':
      return `${actor} added ${subject}${str(after.role) ? ` as ${str(after.role)}` : ''}`;
    case 'user.updated':
      return `${actor} ${userChange(subject, before, after)}`;
    case 'user.password_reset':
      return `${actor} reset ${possessive(subject)} password`;
    case 'user.sign_in_unlocked':
      return `${actor} cleared the sign-in lock on ${subject}`;
    case 'token.created':
      return `${actor} created ${token()}${str(after.scope) ? ` (${str(after.scope)} access)` : ''}`;
    case 'token.revoked':
      return `${actor} revoked ${token()}`;
    case 'token.disabled':
      return `${actor} disabled ${token()}`;
    case 'token.enabled':
      return `${actor} enabled ${token()}`;
    case 'settings.updated':
      return fields
        ? `${actor} changed the ${fields} setting${changedFields(before, after).length > 1 ? 's' : ''}`
        : `${actor} changed settings`;
    case 'item.created':
      return `${actor} created ${item()}`;
    case 'item.updated':
      return fields ? `${actor} changed the ${fields} of ${item()}` : `${actor} changed ${item()}`;
    case 'item.archived':
      return `${actor} archived ${item()}`;
    case 'item.unarchived':
      return `${actor} restored ${item()}`;
    case 'item.deleted':
      return `${actor} deleted ${item()}`;
    case 'location.created':
      return `${actor} created ${location()}`;
    case 'location.updated':
      return fields
        ? `${actor} changed the ${fields} of ${location()}`
        : `${actor} changed ${location()}`;
    case 'location.archived':
      return `${actor} archived ${location()}`;
    case 'location.unarchived':
      return `${actor} restored ${location()}`;
    case 'location.deleted':
      return `${actor} deleted ${location()}`;
    default:
      // An action without a sentence of its own yet (added in the backend only).
      return `${actor}: ${actionLabel(entry.action)}`;
  }
}
