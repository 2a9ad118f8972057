import { NavLink } from 'react-router';
import { paths } from '../../config/paths';

const LINKS = [
  { to: paths.home, label: 'Dashboard', end: true },
  { to: paths.items, label: 'Items', end: false },
  { to: paths.locations, label: 'Locations', end: false },
  { to: paths.movements, label: 'Movements', end: false },
  { to: paths.status, label: 'Status', end: false },
] as const;

/** NavLink sets aria-current="page" on the active link; the CSS styles that attribute. */
export function MainNav() {
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {LINKS.map((link) => (
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
