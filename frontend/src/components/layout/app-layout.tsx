import type { ReactNode } from 'react';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { DEFAULT_SETTINGS, useSettings } from '@/hooks/use-settings';
import { MainNav } from './main-nav';
import './app-layout.css';

interface AppLayoutProps {
  /** The page (or, from an error boundary, what went wrong). */
  children?: ReactNode;
  /** The end of the header, e.g. the user menu (supplied by the app, which owns features). */
  headerEnd?: ReactNode;
}

export function AppLayout({ children, headerEnd }: AppLayoutProps) {
  const settings = useSettings();
  const organisation = settings.data?.organisationName ?? DEFAULT_SETTINGS.organisationName;
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__brand" to={paths.home}>
            {organisation}
          </Link>
          <MainNav />
          {headerEnd ? <div className="app-header__end">{headerEnd}</div> : null}
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus, not just scroll. */}
      <main id="main-content" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
