import { createSignal } from 'solid-js';
import { createApiClient } from '../../api/client.ts';
import type { GrantView, Me } from '../../api/types.ts';

const TOKEN_KEY = 'chiso.token';
const UNIT_KEY = 'chiso.unit';

function stored(key: string): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(key);
}

function store(key: string, value: string | null): void {
  if (typeof sessionStorage === 'undefined') return;
  if (value === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, value);
}

/**
 * The signed-in session: the token in memory and in sessionStorage (it survives a reload of the tab but
 * not the closing of the browser), the account with its grants, and the unit the person acts for.
 */
export function createSession() {
  const [token, setToken] = createSignal<string | null>(stored(TOKEN_KEY));
  const [me, setMe] = createSignal<Me | null>(null);
  const [unitId, setUnitId] = createSignal<string | null>(stored(UNIT_KEY));

  const signOut = () => {
    setToken(null);
    setMe(null);
    setUnitId(null);
    store(TOKEN_KEY, null);
    store(UNIT_KEY, null);
  };

  const api = createApiClient({ token, onUnauthorized: signOut });

  /** The grant acted for: the chosen one, or the only one. */
  const grant = (): GrantView | null => {
    const grants = me()?.grants ?? [];
    if (grants.length === 1) return grants[0] ?? null;
    return grants.find((candidate) => candidate.unitId === unitId()) ?? null;
  };

  return {
    api,
    token,
    me,
    grant,
    async signIn(tenant: string, login: string, password: string): Promise<void> {
      const session = await api.signIn(tenant, login, password);
      setToken(session.token);
      store(TOKEN_KEY, session.token);
      setMe(await api.me());
    },
    /** After a reload: the stored token, if the API still accepts it. */
    async resume(): Promise<void> {
      if (token() === null) return;
      try {
        setMe(await api.me());
      } catch {
        signOut();
      }
    },
    actFor(next: string | null): void {
      setUnitId(next);
      store(UNIT_KEY, next);
    },
    signOut,
  };
}

export type SessionState = ReturnType<typeof createSession>;
