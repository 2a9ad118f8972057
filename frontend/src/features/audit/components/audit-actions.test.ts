import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/api-types';
import { actionLabel, ACTIONS } from './audit-actions';

describe('audit actions', () => {
  it('when the filter lists actions, then they are exactly those of the OpenAPI document', () => {
    expect(ACTIONS).toEqual(AUDIT_ACTIONS);
    expect(ACTIONS).toContain('user.sign_in_unlocked');
  });

  it('when every known action is worded, then none shows its code', () => {
    for (const action of AUDIT_ACTIONS) expect(actionLabel(action)).not.toContain('.');
    expect(actionLabel('auth.login_failed')).toBe('Failed sign-in');
  });

  it('when the API adds an action the front end has no words for yet, then it is worded from its name', () => {
    // A new backend action (one line in AUDIT_ACTIONS) reaches the filter before any label.
    expect(actionLabel('webhook.delivery_failed' as AuditAction)).toBe('Webhook delivery failed');
  });
});
