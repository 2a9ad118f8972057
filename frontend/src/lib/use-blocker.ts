// The leave guard's blocker, for the router in router.tsx. A module of its own so that only
// the pages with forms load it, not every first load (decision 0019).
import { useContext, useEffect, useRef, useState } from 'react';
import { pathOf, RouterStateContext, type Guard } from './router';

interface BlockerArgs {
  currentLocation: { pathname: string };
  nextLocation: { pathname: string };
}

export interface Blocker {
  state: 'blocked' | 'unblocked';
  proceed: () => void;
  reset: () => void;
}

/**
 * Holds a navigation inside the app while SHOULDBLOCK says so, until proceed() or reset().
 * Back and Forward are held too: the URL is put back, and proceed() goes back again.
 */
export function useBlocker(shouldBlock: (args: BlockerArgs) => boolean): Blocker {
  const { guards } = useContext(RouterStateContext);
  const [held, setHeld] = useState<{ go: () => void } | null>(null);
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });

  useEffect(() => {
    const guard: Guard = {
      blocks: (from, to) =>
        latest.current({ currentLocation: { pathname: from }, nextLocation: { pathname: to } }),
      hold: (go) => setHeld({ go }),
    };
    guards.add(guard);
    // Back/Forward: the browser has moved already; put this page back and ask.
    let here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    let letPass = false;
    const onPopState = () => {
      const to = window.location.pathname;
      if (letPass || !guard.blocks(pathOf(here), to)) {
        letPass = false;
        here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
        return;
      }
      window.history.pushState(window.history.state, '', here);
      setHeld({
        go: () => {
          letPass = true;
          window.history.go(-1);
        },
      });
    };
    // In-app moves (links, filters in the query) change where "here" is.
    const onMove = () => {
      here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    };
    window.addEventListener('popstate', onPopState);
    window.addEventListener('pushState', onMove);
    window.addEventListener('replaceState', onMove);
    return () => {
      guards.delete(guard);
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('pushState', onMove);
      window.removeEventListener('replaceState', onMove);
    };
  }, [guards]);

  return {
    state: held ? 'blocked' : 'unblocked',
    proceed: () => {
      setHeld(null);
      held?.go();
    },
    reset: () => setHeld(null),
  };
}
