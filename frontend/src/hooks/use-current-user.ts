import { createContext, useCallback, useContext } from 'react';
import type { User } from '../lib/api-types';
import { can, type Action } from '../lib/permissions';

/**
 * The signed-in user, provided by the session guard around every app page. Shared code and
 * features read it from here instead of importing the auth feature.
 */
export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User | null {
  return useContext(CurrentUserContext);
}

/** `const allowed = useCan(); allowed('item.write')` — the role rules from lib/permissions. */
export function useCan(): (action: Action) => boolean {
  const user = useCurrentUser();
  return useCallback((action: Action) => can(user?.role, action), [user?.role]);
}
