import { Link, useNavigate } from '@/lib/router';
import { paths } from '@/config/paths';
import { useDisclosure } from '@/hooks/use-disclosure';
import { useCurrentUser } from '@/hooks/use-current-user';
import { describeActionError } from '@/lib/api-errors';
import { roleLabels } from '@/lib/permissions';
import { useSignOut } from '../api/sign-out';
import './auth.css';

/**
 * The signed-in person's name and role, with Change password and Sign out. A disclosure
 * (button + panel) rather than an ARIA menu: Tab moves through it, Escape closes it.
 */
export function UserMenu() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { open, setOpen, rootProps, toggleProps, panelId } = useDisclosure();

  if (!user) return null;
  return (
    <div className="user-menu" {...rootProps}>
      <button type="button" {...toggleProps} className="button button--secondary user-menu__toggle">
        <span>{user.name}</span>
        <span className="badge badge--muted">{roleLabels[user.role]}</span>
        <span className="visually-hidden"> — account menu</span>
      </button>
      {open ? (
        <div className="user-menu__panel" id={panelId}>
          <p className="user-menu__name">{user.name}</p>
          <p className="user-menu__meta">
            {user.email} · {roleLabels[user.role]}
          </p>
          <Link to={paths.changePassword} onClick={() => setOpen(false)}>
            Change password
          </Link>
          <Link to={paths.alertPreferences} onClick={() => setOpen(false)}>
            Alert emails
          </Link>
          <button
            type="button"
            className="button button--secondary"
            disabled={signOut.isPending}
            onClick={() =>
              void signOut.run().then((done) => {
                if (done) void navigate(paths.signIn, { replace: true });
              })
            }
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
          {signOut.error ? (
            <p className="field__error" role="alert">
              {describeActionError(signOut.error, 'sign out')}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
