import type { Definition } from '@chiso/criteria';
import type { ApiClient } from '../../api/client.ts';

/** The builder's calls to the criteria-sets API (services/src/features/criteria-sets/routes.ts). */

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface VersionSummary {
  setKey: string;
  number: number;
  label: string;
  title: string;
  status: VersionStatus;
  derivedFrom: { setKey: string; version: string } | null;
  problems: { errors: number; warnings: number };
  /** The item's own version, for optimistic concurrency. */
  version: number;
  updatedAt: string;
}

export interface Catalogue {
  sets: { setKey: string; title: string; versions: VersionSummary[] }[];
  builtIn: { setKey: string; label: string; title: string; decision: string }[];
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

/**
 * The definition a version came from, for the diff: the tenant's non-draft version with that label, else
 * the national set of that key; null when neither is there any more.
 */
export async function sourceDefinition(api: BuilderApi, derivedFrom: { setKey: string; version: string }): Promise<Definition | null> {
  const catalogue = await api.catalogue();
  const own = catalogue.sets
    .find((set) => set.setKey === derivedFrom.setKey)
    ?.versions.find((version) => version.label === derivedFrom.version && version.status !== 'draft');
  if (own !== undefined) return (await api.version(own.setKey, own.number)).definition;
  if (catalogue.builtIn.some((set) => set.setKey === derivedFrom.setKey && set.label === derivedFrom.version)) return (await api.builtIn(derivedFrom.setKey)).definition;
  return null;
}
