import type { Definition, DefinitionStatus } from '@chiso/criteria';
import type { ApiClient } from '../../api/client.ts';
import { type DerivedFrom, type Origin, originOf } from './source.ts';

/** The builder's calls to the criteria-sets API (services/src/features/criteria-sets/routes.ts). */

export interface VersionSummary {
  setKey: string;
  number: number;
  label: string;
  title: string;
  status: DefinitionStatus;
  /** Of the definition, status left out: what a copy records in `derivedFrom.contentHash`. */
  contentHash: string;
  derivedFrom: { setKey: string; version: string; contentHash?: string } | null;
  problems: { errors: number; warnings: number };
  /** The item's own version, for optimistic concurrency. */
  version: number;
  updatedAt: string;
}

export interface Catalogue {
  sets: { setKey: string; title: string; versions: VersionSummary[] }[];
  builtIn: { setKey: string; label: string; title: string; decision: string; contentHash: string }[];
}

/** A problem as the API words it; `path` is the core's notation (`groups[0].criteria[2].bands`). */
export interface ApiProblem {
  path: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

export interface VersionDetail {
  version: VersionSummary;
  definition: Definition;
  problems: ApiProblem[];
}

export type DraftSource = { setKey: string; number: number } | { builtIn: string };

export type CreateDraft =
  | { from: 'blank'; setKey: string; label: string; title: string }
  | { from: 'clone'; source: DraftSource; setKey?: string; label: string }
  | { from: 'import'; definition: unknown };

const enc = encodeURIComponent;
const versionPath = (setKey: string, number: number) => `/criteria-sets/${enc(setKey)}/versions/${number}`;

export function builderApi(api: ApiClient) {
  return {
    catalogue: () => api.request<Catalogue>('GET', '/criteria-sets'),
    version: (setKey: string, number: number) => api.request<VersionDetail>('GET', versionPath(setKey, number)),
    builtIn: (setKey: string) => api.request<{ definition: Definition }>('GET', `/criteria-sets/built-in/${enc(setKey)}`),
    createDraft: (request: CreateDraft) => api.request<VersionDetail>('POST', '/criteria-sets/drafts', request),
    save: (setKey: string, number: number, version: number, definition: Definition) =>
      api.request<VersionDetail>('PUT', versionPath(setKey, number), { version, definition }),
    publish: (setKey: string, number: number, version: number) => api.request<VersionSummary>('POST', `${versionPath(setKey, number)}/publish`, { version }),
    retire: (setKey: string, number: number, version: number) => api.request<VersionSummary>('POST', `${versionPath(setKey, number)}/retire`, { version }),
  };
}

export type BuilderApi = ReturnType<typeof builderApi>;

/** The definition a version came from, for the diff, and which one it is; null when it is not there any more. */
export async function sourceDefinition(api: BuilderApi, derivedFrom: DerivedFrom): Promise<{ definition: Definition; origin: Origin } | null> {
  const origin = originOf(await api.catalogue(), derivedFrom);
  if (origin.kind === 'own') return { definition: (await api.version(origin.setKey, origin.number)).definition, origin };
  if (origin.kind === 'national') return { definition: (await api.builtIn(origin.setKey)).definition, origin };
  return null;
}
