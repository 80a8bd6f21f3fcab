import { createContext, useContext } from 'solid-js';
import type { GrantView } from '../api/types.ts';
import type { SessionState } from '../features/sign-in/session.ts';

const SessionContext = createContext<SessionState>();

export const SessionProvider = SessionContext.Provider;

/** The signed-in session, for any screen below the shell. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/**
 * The grant acted for. Screens are only rendered once the shell has one (it shows sign-in or the unit
 * picker before), so a screen may rely on it.
 */
export function useGrant(): () => GrantView {
  const session = useSession();
  return () => {
    const grant = session.grant();
    if (grant === null) throw new Error('useGrant() before a unit was chosen');
    return grant;
  };
}
