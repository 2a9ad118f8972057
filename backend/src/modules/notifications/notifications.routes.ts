import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import {
  listNotificationsQuery,
  markReadBody,
  notificationPage,
  unreadCountSchema,
} from './notifications.schemas';
import * as notifications from './notifications.service';

const tag = 'Notifications';

// Everyone who may see stock (every role) gets the bell; the read state is the caller's own.
export const notificationRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/notifications',
    operationId: 'listNotifications',
    tag,
    access: 'viewer',
    summary: 'Your low-stock notifications, newest first, with read and resolved state',
    description:
      'One per stock.low event (an item fell to or below its reorder point). `resolvedAt` is ' +
      'set once stock rose back above it. Kept as long as events are (EVENTS_RETENTION_DAYS).',
    query: listNotificationsQuery,
    response: notificationPage,
    handler: ({ req, query }) => notifications.list(db, req.identity!.user.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/notifications/unread-count',
    operationId: 'countUnreadNotifications',
    tag,
    access: 'viewer',
    summary: 'How many of your notifications are unread and unresolved (up to 100)',
    response: unreadCountSchema,
    handler: ({ req }) => notifications.unreadCount(db, req.identity!.user.id),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read',
    operationId: 'markNotificationsRead',
    tag,
    access: 'viewer',
    summary: 'Mark some of your notifications read (unknown ids are ignored)',
    body: markReadBody,
    status: 204,
    errors: [415],
    handler: async ({ req, body }) => {
      await notifications.markRead(db, req.identity!.user.id, body.ids);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    tag,
    access: 'viewer',
    summary: 'Mark all your notifications read',
    status: 204,
    handler: async ({ req }) => {
      await notifications.markAllRead(db, req.identity!.user.id);
    },
  }),
];
