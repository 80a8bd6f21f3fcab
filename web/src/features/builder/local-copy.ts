import type { Definition } from '@chiso/criteria';

/**
 * The unsaved local copy of a draft, kept in the browser while it differs from what is saved, so that a
 * closed tab or a crash loses nothing: the next visit offers it back.
 */
export interface LocalCopy {
  /** The item version the copy was edited from (a save from it may meet a conflict). */
  baseVersion: number;
  savedAt: string;
  definition: Definition;
}

const key = (setKey: string, number: number) => `chiso.builder.draft.${setKey}@${number}`;

function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Partial<LocalCopy>;
  return typeof copy.baseVersion === 'number' && typeof copy.savedAt === 'string' && typeof copy.definition === 'object' && copy.definition !== null;
}

export function readLocalCopy(setKey: string, number: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(key(setKey, number));
    const value: unknown = raw === null ? null : JSON.parse(raw);
    return isLocalCopy(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(setKey: string, number: number, copy: LocalCopy): void {
  try {
    localStorage.setItem(key(setKey, number), JSON.stringify(copy));
  } catch {
    // A full storage only loses this safety net; the draft on screen is still there to save.
  }
}

export function dropLocalCopy(setKey: string, number: number): void {
  try {
    localStorage.removeItem(key(setKey, number));
  } catch {
    // Nothing to drop.
  }
}
