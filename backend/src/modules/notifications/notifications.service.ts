import type { Db } from '../../lib/db';
import { transaction } from '../../lib/transaction';
import * as repo from './notifications.repository';
import {
  UNREAD_CAP,
  type ListNotificationsQuery,
  type NotificationPage,
} from './notifications.schemas';

// The in-app bell: low-stock notifications for every signed-in user, with or without SMTP.

const parsePosition = (cursor: string): repo.Position => {
  const [txid = '0', id = '0'] = cursor.split('.');
  return { txid, id };
};

export async function list(
  db: Db,
  userId: number,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const before = query.before ? parsePosition(query.before) : null;
  const { rows, last } = await repo.list(db, userId, before, query.limit);
  const more = rows.length === query.limit && last !== null;
  return {
    data: rows,
    page: { limit: query.limit, nextCursor: more ? `${last.txid}.${last.id}` : null },
  };
}

export async function unreadCount(db: Db, userId: number): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(db, userId, UNREAD_CAP) };
}

export function markRead(db: Db, userId: number, ids: number[]): Promise<void> {
  return repo.markRead(db, userId, ids);
}

export function markAllRead(db: Db, userId: number): Promise<void> {
  return transaction(db, (trx) => repo.markAllRead(trx, userId));
}
