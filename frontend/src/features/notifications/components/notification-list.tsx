import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useTimeZone } from '@/hooks/use-settings';
import { describeActionError } from '@/lib/api-errors';
import type { Notification } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format-date';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';

interface Props {
  open: boolean;
  /** Called when a link inside is followed (the bell closes). */
  onNavigate: () => void;
}

/** The bell's panel: low-stock notifications, newest first, with read and resolved state. */
export function NotificationList({ open, onNavigate }: Props) {
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const timeZone = useTimeZone();
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const anyUnread = items.some((n) => !n.read && !n.resolvedAt);
  const error = list.error ?? markRead.error ?? markAll.error;

  return (
    <section aria-labelledby="bell-heading" className="bell__list">
      <div className="bell__head">
        <h2 id="bell-heading">Notifications</h2>
        <button
          type="button"
          className="button button--secondary"
          disabled={!anyUnread || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {describeActionError(error, 'load notifications')}
        </p>
      ) : null}
      {list.isPending ? <p>Loading…</p> : null}
      {!list.isPending && items.length === 0 ? <p>No low-stock notifications.</p> : null}
      <ul className="bell__items">
        {items.map((n) => (
          <Row
            key={n.id}
            n={n}
            timeZone={timeZone}
            onOpen={() => {
              if (!n.read) markRead.mutate([n.id]);
              onNavigate();
            }}
            onRead={() => markRead.mutate([n.id])}
          />
        ))}
      </ul>
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      ) : null}
    </section>
  );
}

function Row(props: { n: Notification; timeZone: string; onOpen: () => void; onRead: () => void }) {
  const { n, timeZone } = props;
  const unread = !n.read && !n.resolvedAt;
  return (
    <li className={unread ? 'bell__item bell__item--unread' : 'bell__item'}>
      <Link to={paths.item(n.item.id)} onClick={props.onOpen}>
        {n.item.sku} {n.item.name}
      </Link>
      <span>
        Low: {n.onHand} {n.item.unit} on hand, reorder point {n.reorderPoint}
      </span>
      <span className="bell__meta">
        <time dateTime={n.occurredAt}>{formatDateTime(n.occurredAt, timeZone)}</time>
        {n.resolvedAt ? <span className="badge badge--ok">Resolved</span> : null}
        {unread ? <span className="badge badge--low">Unread</span> : null}
      </span>
      {unread ? (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Mark read: ${n.item.sku}`}
          onClick={props.onRead}
        >
          Mark read
        </button>
      ) : null}
    </li>
  );
}
