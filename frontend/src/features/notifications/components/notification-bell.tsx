import { useDisclosure } from '@/hooks/use-disclosure';
import { useUnreadCount } from '../api/notifications';
import { NotificationList } from './notification-list';
import './notifications.css';

const shown = (n: number) => (n >= 100 ? '99+' : String(n));
const spoken = (n: number) =>
  n === 0 ? 'No unread notifications' : `${shown(n)} unread notification${n === 1 ? '' : 's'}`;

/**
 * The header's bell: how many low-stock notifications are unread, polled, and the list in a
 * disclosure (button + panel, like the account menu: Tab moves through it, Escape closes it).
 * Loaded lazily by the router, so the first page's script does not carry it.
 */
export function NotificationBell() {
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const { open, setOpen, rootProps, toggleProps, panelId } = useDisclosure();

  return (
    <div className="bell" {...rootProps}>
      <button
        type="button"
        {...toggleProps}
        className="button button--secondary bell__toggle"
        aria-label={`Notifications, ${spoken(unread)}`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {shown(unread)}
          </span>
        ) : null}
      </button>
      {/* Said when the poll brings a new count, without moving focus. */}
      <span className="visually-hidden" aria-live="polite" role="status">
        {count.data ? spoken(unread) : ''}
      </span>
      {open ? (
        <div className="bell__panel" id={panelId}>
          <NotificationList open={open} onNavigate={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
