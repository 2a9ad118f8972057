import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { eventPage, listEventsQuery } from './events.schemas';
import * as events from './events.service';

export const eventRoutes = ({ db, config }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/events',
    operationId: 'listEvents',
    tag: 'Events',
    access: 'viewer',
    summary: 'The event feed, oldest first, from a cursor: replay what you missed',
    description:
      'Every change to stock and items, in commit order. Keep `page.nextCursor` and pass it ' +
      'as `after` next time; an empty page means nothing new yet. Events are kept for ' +
      '`page.retentionDays` days (EVENTS_RETENTION_DAYS).',
    query: listEventsQuery,
    response: eventPage,
    handler: ({ query }) => events.listEvents(db, query, config.events.retentionDays),
  }),
];
