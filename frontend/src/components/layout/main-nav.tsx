import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import type { Action } from '@/lib/permissions';

interface NavEntry {
  to: string;
  label: string;
  end: boolean;
  /** Shown only to roles allowed to do this. */
  requires?: Action;
}

const LINKS: NavEntry[] = [
  { to: paths.home, label: 'Dashboard', end: true },
  { to: paths.items, label: 'Items', end: false },
  { to: paths.locations, label: 'Locations', end: false },
  { to: paths.movements, label: 'Movements', end: false },
  { to: paths.status, label: 'Status', end: false },
  { to: paths.users, label: 'Users', end: false, requires: 'user.manage' },
  { to: paths.apiTokens, label: 'API tokens', end: false, requires: 'apiToken.manage' },
  { to: paths.audit, label: 'Audit log', end: false, requires: 'audit.view' },
  { to: paths.settings, label: 'Settings', end: false, requires: 'settings.edit' },
];

/** NavLink sets aria-current="page" on the active link; the CSS styles that attribute. */
export function MainNav() {
  const allowed = useCan();
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {LINKS.filter((link) => !link.requires || allowed(link.requires)).map((link) => (
          <li key={link.to}>
            <NavLink className="main-nav__link" to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
