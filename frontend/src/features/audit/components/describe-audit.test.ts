import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/api-types';
import { describeAuditEntry } from './describe-audit';

const admin = { id: 1, email: 'ada@example.com', name: 'Ada Admin' };
const olga = { id: 10, email: 'olga@example.com', name: 'Olga Operator' };

function entry(fields: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: '2026-11-20T10:00:00.000Z',
    actor: admin,
    action: 'auth.login',
    entityType: null,
    entityId: null,
    subjectName: null,
    ip: null,
    before: null,
    after: null,
    ...fields,
  };
}

describe('describeAuditEntry', () => {
  it('when someone signs in, then it names them, not the action code or their id', () => {
    const text = describeAuditEntry(
      entry({ actor: olga, action: 'auth.login', entityType: 'user', entityId: '10' }),
    );
    expect(text).toBe('Olga Operator signed in');
  });

  it('when an admin changes a role, then it says whose role changed, from what to what', () => {
    const text = describeAuditEntry(
      entry({
        action: 'user.updated',
        entityType: 'user',
        entityId: '10',
        subjectName: 'Olga Operator',
        before: { role: 'operator', active: true },
        after: { role: 'manager', active: true },
      }),
    );
    expect(text).toBe('Ada Admin changed Olga Operator’s role from operator to manager');
  });

  it('when a sign-in fails, then it names the email tried, with no actor', () => {
    const text = describeAuditEntry(
      entry({ actor: null, action: 'auth.login_failed', after: { email: 'olga@example.com' } }),
    );
    expect(text).toBe('Failed sign-in as olga@example.com');
  });

  it('when an item changes, then it lists the changed fields in words and names the item', () => {
    const text = describeAuditEntry(
      entry({
        action: 'item.updated',
        entityType: 'item',
        entityId: '4',
        before: { sku: 'BOLT-6', name: 'Hex bolt', reorderPoint: null },
        after: { sku: 'BOLT-6', name: 'Hex bolt M6', reorderPoint: '10' },
      }),
    );
    expect(text).toBe('Ada Admin changed the name and reorder point of item BOLT-6 (Hex bolt M6)');
  });
});
