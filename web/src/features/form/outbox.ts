import { type Unsent, type Values, isEmpty } from './merge.ts';

/**
 * Unsaved changes kept in the browser (localStorage) until the server acknowledges them, so that edits
 * made offline survive a reload or a closed tab and are sent once the connection returns. One entry per
 * tenant, campaign and unit; it holds the version the changes were made on and the values they replace,
 * so that coming back after someone else saved is a merge, not an overwrite.
 */
export interface OutboxEntry {
  version: number;
  base: Values;
  unsent: Unsent;
  savedAt: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function outboxKey(scope: { tenant: string; campaignId: string; unitId: string }): string {
  return `chiso.unsent.v1:${scope.tenant}:${scope.campaignId}:${scope.unitId}`;
}

/** The tenant a bearer token names (`tid` of the platform's own tokens, `custom:tenant` of Cognito's); '' when unreadable. */
export function tenantOfToken(token: string | null): string {
  const payload = token?.split('.')[1];
  if (payload === undefined) return '';
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (!isRecord(json)) return '';
    const tenant = json.tid ?? json['custom:tenant'];
    return typeof tenant === 'string' ? tenant : '';
  } catch {
    return '';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValues(value: unknown): value is Values {
  return isRecord(value) && isRecord(value.answers) && isRecord(value.awards);
}

function isUnsent(value: unknown): value is Unsent {
  return isValues(value) && Object.values(value.awards).every((award) => award === null || typeof award === 'number');
}

function readEntry(raw: string | null): OutboxEntry | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || typeof value.version !== 'number' || !isValues(value.base) || !isUnsent(value.unsent)) return null;
    return { version: value.version, base: value.base, unsent: value.unsent, savedAt: typeof value.savedAt === 'string' ? value.savedAt : '' };
  } catch {
    return null;
  }
}

export function createOutbox(store: KeyValueStore | null, key: string) {
  return {
    read(): OutboxEntry | null {
      if (store === null) return null;
      const entry = readEntry(store.getItem(key));
      return entry === null || isEmpty(entry.unsent) ? null : entry;
    },
    /** Keeps the changes not yet acknowledged; nothing left to send removes the entry. */
    write(entry: Omit<OutboxEntry, 'savedAt'> | null): void {
      if (store === null) return;
      try {
        if (entry === null || isEmpty(entry.unsent)) store.removeItem(key);
        else store.setItem(key, JSON.stringify({ ...entry, savedAt: new Date().toISOString() }));
      } catch {
        // A full or disabled storage: the changes still live in memory and autosave keeps trying.
      }
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
