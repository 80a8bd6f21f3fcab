import type { Catalogue } from './api.ts';
import { t } from './phrases.ts';

/**
 * Where a version was copied from. A province's own set often has the national set's key and label
 * (its 4725 · 2022.1 is a copy of the national 4725 · 2022.1), so the key and label alone are ambiguous:
 * the content hash the copy recorded says which one it was; the label decides only when no hash matches.
 */
export type Origin = { kind: 'own'; setKey: string; number: number; label: string } | { kind: 'national'; setKey: string; label: string } | { kind: 'unknown'; setKey: string; label: string };

export interface DerivedFrom {
  setKey: string;
  version: string;
  contentHash?: string | undefined;
}

export function originOf(catalogue: Catalogue, from: DerivedFrom): Origin {
  const own = catalogue.sets.find((set) => set.setKey === from.setKey)?.versions ?? [];
  const national = catalogue.builtIn.filter((set) => set.setKey === from.setKey && set.label === from.version);
  const ownVersion = (found: { number: number; label: string } | undefined): Origin | null => (found ? { kind: 'own', setKey: from.setKey, number: found.number, label: found.label } : null);
  if (from.contentHash !== undefined) {
    const byHash = ownVersion(own.find((version) => version.contentHash === from.contentHash));
    if (byHash) return byHash;
    if (national.some((set) => set.contentHash === from.contentHash)) return { kind: 'national', setKey: from.setKey, label: from.version };
  }
  const byLabel = ownVersion(own.find((version) => version.label === from.version && version.status !== 'draft'));
  if (byLabel) return byLabel;
  if (national.length > 0) return { kind: 'national', setKey: from.setKey, label: from.version };
  return { kind: 'unknown', setKey: from.setKey, label: from.version };
}

/** The origin for people: "Bộ quốc gia 4725 · 2022.1", "Bộ của Sở 4725 · 2022.1 (phiên bản số 1)". */
export function originName(origin: Origin): string {
  const name = `${origin.setKey} · ${origin.label}`;
  if (origin.kind === 'own') return `${t('copiedFromOwn')} ${name} (${t('ownVersionNumber')} ${origin.number})`;
  if (origin.kind === 'national') return `${t('copiedFromNational')} ${name}`;
  return `${t('copiedFromUnknown')}: ${name}`;
}
