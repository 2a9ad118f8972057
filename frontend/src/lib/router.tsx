// The app's router: wouter (about 2 kB; react-router's data router was 30 kB of the first
// load, decision 0019) behind the few react-router names the pages use, plus what wouter
// leaves to us: a leave guard (the navigation guards here, useBlocker in use-blocker.ts, which
// only forms load) and the error of a failed page (useRouteError).
import {
  createContext,
  useContext,
  useState,
  type AnchorHTMLAttributes,
  type ReactNode,
} from 'react';
import {
  Link as WouterLink,
  Redirect,
  Router,
  useLocation as useWouterLocation,
  useSearch,
} from 'wouter';
import { useBrowserLocation } from 'wouter/use-browser-location';

export { Route, Switch, useParams, useSearchParams } from 'wouter';

export interface NavigateOptions {
  replace?: boolean;
  /** Kept with the history entry, e.g. a message for the next page (useLocation().state). */
  state?: unknown;
}
type Navigate = (to: string, options?: NavigateOptions) => void;
type LocationHook = () => [string, Navigate];

/** A form that would lose work asks before the app leaves its page (see useBlocker). */
export interface Guard {
  blocks: (from: string, to: string) => boolean;
  hold: (go: () => void) => void;
}

interface RouterState {
  guards: Set<Guard>;
  /** The state of the current history entry (the browser's, or a test's memory). */
  readState: () => unknown;
}

export const RouterStateContext = createContext<RouterState>({
  guards: new Set(),
  readState: () => null,
});

export const pathOf = (to: string) => to.split(/[?#]/)[0] ?? to;

/** Wraps a wouter location hook so every navigation (links, navigate, redirects) asks the guards. */
function guarded(base: LocationHook & { searchHook?: unknown }): LocationHook {
  const useGuardedLocation: LocationHook & { searchHook?: unknown } = () => {
    const [path, navigate] = base();
    const { guards } = useContext(RouterStateContext);
    const guardedNavigate: Navigate = (to, options) => {
      const go = () => navigate(to, options);
      for (const guard of guards) {
        if (guard.blocks(path, pathOf(to))) return guard.hold(go);
      }
      go();
    };
    return [path, guardedNavigate];
  };
  useGuardedLocation.searchHook = base.searchHook;
  return useGuardedLocation;
}

interface AppRouterProps {
  /** A wouter location hook, e.g. a test's memoryLocation().hook; the browser's by default. */
  hook?: LocationHook & { searchHook?: unknown };
  readState?: () => unknown;
  children: ReactNode;
}

export function AppRouter({ hook, readState, children }: AppRouterProps) {
  const [state] = useState<RouterState>(() => ({
    guards: new Set(),
    readState: readState ?? (() => window.history.state as unknown),
  }));
  const [locationHook] = useState(() => guarded(hook ?? (useBrowserLocation as LocationHook)));
  return (
    <RouterStateContext value={state}>
      <Router hook={locationHook}>{children}</Router>
    </RouterStateContext>
  );
}

export function useNavigate(): Navigate {
  return useWouterLocation()[1];
}

export interface AppLocation {
  pathname: string;
  /** With its "?", or empty, as in window.location. */
  search: string;
  hash: string;
  state: unknown;
}

export function useLocation(): AppLocation {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const { readState } = useContext(RouterStateContext);
  return {
    pathname,
    search: search ? `?${search}` : '',
    hash: typeof window === 'undefined' ? '' : window.location.hash,
    state: readState(),
  };
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  replace?: boolean;
  state?: unknown;
};

export function Link({ to, ...props }: LinkProps) {
  return <WouterLink href={to} {...props} />;
}

/** A link that marks itself aria-current="page" on its page (and, unless END, below it). */
export function NavLink({ to, end, ...props }: LinkProps & { end?: boolean }) {
  const [path] = useWouterLocation();
  const active = path === to || (!end && path.startsWith(to === '/' ? '/' : `${to}/`));
  return <WouterLink href={to} aria-current={active ? 'page' : undefined} {...props} />;
}

export function Navigate({ to, replace }: { to: string; replace?: boolean }) {
  return <Redirect to={to} replace={replace} />;
}

const RouteErrorContext = createContext<unknown>(undefined);

/** The error that stopped the page, inside an error boundary's fallback. */
export function useRouteError(): unknown {
  return useContext(RouteErrorContext);
}

export const RouteErrorProvider = RouteErrorContext;
