import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from '@/lib/router';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import type { Action } from '@/lib/permissions';

interface NavEntry {
  to: string;
  label: string;
  /** Active only on this exact path (the dashboard), not on the paths below it. */
  end?: boolean;
  /** Shown only to roles allowed to do this. */
  requires?: Action;
}

const LINKS: NavEntry[] = [
  { to: paths.home, label: 'Dashboard', end: true },
  { to: paths.items, label: 'Items' },
  { to: paths.locations, label: 'Locations' },
  { to: paths.movements, label: 'Movements' },
  { to: paths.counts, label: 'Counts', requires: 'movement.record' },
  { to: paths.status, label: 'Status' },
  { to: paths.users, label: 'Users', requires: 'user.manage' },
  { to: paths.apiTokens, label: 'API tokens', requires: 'apiToken.manage' },
  { to: paths.webhooks, label: 'Webhooks', requires: 'webhook.manage' },
  { to: paths.audit, label: 'Audit log', requires: 'audit.view' },
  { to: paths.settings, label: 'Settings', requires: 'settings.edit' },
  { to: paths.emailSettings, label: 'Email', requires: 'settings.edit' },
];

/**
 * NavLink sets aria-current="page" on the active link; the CSS styles that attribute.
 * On phones the list folds behind a Menu disclosure button (CSS hides the button on wider
 * screens, so the desktop header is unchanged).
 */
export function MainNav() {
  const allowed = useCan();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // Following a link closes the menu so the new page is not hidden behind it.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  // Escape anywhere (not just inside the nav) closes an open menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav className="main-nav" aria-label="Main">
      <button
        ref={toggle}
        type="button"
        className="main-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="main-nav__icon" />
        Menu
      </button>
      <ul id={listId} className={open ? 'main-nav__list main-nav__list--open' : 'main-nav__list'}>
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
