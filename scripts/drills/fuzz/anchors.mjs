// Per operation, the one change that gets a write refused whatever its body holds.
import { MISSING_ID } from './inputs.mjs';

/**
 * Anchors: a change to the valid-ish request that makes the server refuse it whatever else
 * the body holds, so "content" mutations (odd strings that pass the schema) can go through
 * to the database and still change nothing. null = the operation has none (content
 * mutations are then not sent to it). `keep` = fields content mutations must not touch.
 */
export function anchorFor(op, fx) {
  const key = `${op.method} ${op.path}`;
  const hasId = op.path.includes('{id}');
  if (hasId && op.method !== 'GET') return { id: MISSING_ID, keep: [], why: 'missing id' };
  switch (key) {
    case 'POST /api/v1/items':
      return { set: { sku: fx.sku }, keep: ['sku'], why: 'duplicate sku' };
    case 'POST /api/v1/locations':
      return { set: { code: fx.code }, keep: ['code'], why: 'duplicate code' };
    case 'POST /api/v1/users':
      return { set: { email: fx.adminEmail }, keep: ['email'], why: 'duplicate email' };
    case 'POST /api/v1/movements':
      return { set: { itemId: MISSING_ID }, keep: ['itemId', 'kind'], why: 'unknown item' };
    case 'POST /api/v1/auth/setup':
      return { set: {}, keep: [], why: 'setup already done' };
    case 'POST /api/v1/auth/login':
      return { set: { email: 'nobody-fuzz@example.com' }, keep: [], why: 'unknown account' };
    case 'POST /api/v1/auth/password':
      return {
        set: { currentPassword: 'wrong-fuzz-password' },
        keep: ['currentPassword'],
        why: 'wrong current password',
      };
    default:
      return null;
  }
}
