import type { ApiClient } from '../../api/client.ts';
import type { DeadlineStep, Deadlines, Progress } from '../../api/progress.ts';

// The campaigns API as these screens read it (services/src/features/campaigns and submissions/progress):
// only the fields used here.

export { DEADLINE_STEPS, PROGRESS_STATUSES } from '../../api/progress.ts';
export type { DeadlineStep, Deadlines, LevelSummary, OfficeRef, Progress, ProgressRow, ProgressStatus } from '../../api/progress.ts';

/** The steps whose deadline the API enforces, so the ones an extension can move. */
export const EXTENDED_STEPS = ['selfAssessment', 'externalReview', 'recognition', 'publication'] as const satisfies readonly DeadlineStep[];
export type ExtendedStep = (typeof EXTENDED_STEPS)[number];

export type CampaignStatus = 'draft' | 'open' | 'closed';
export type RecognitionRule = 'nearest-office' | 'owner';

export interface CampaignCriteria {
  kinds: string[];
  setKey: string;
  number: number;
  label: string;
}

export interface Campaign {
  id: string;
  ownerUnitId: string;
  ownerPath: string;
  name: string;
  schoolYear: string;
  status: CampaignStatus;
  criteria: CampaignCriteria[];
  deadlines: Deadlines;
  recognition: { rule: RecognitionRule };
  version: number;
  openedAt: string | null;
  closedAt: string | null;
}

export interface NewCampaign {
  ownerUnitId?: string;
  name: string;
  schoolYear: string;
  criteria: { kinds: string[]; setKey: string; number: number }[];
  deadlines: Deadlines;
  recognition: { rule: RecognitionRule };
}

/** A change from the version read (PATCH /campaigns/:id): a draft any field, an open campaign only its deadlines. */
export interface CampaignPatch {
  name?: string;
  schoolYear?: string;
  criteria?: { kinds: string[]; setKey: string; number: number }[];
  deadlines?: Partial<Deadlines>;
  recognition?: { rule: RecognitionRule };
}

/** One entry of a campaign's history (GET /campaigns/:id/history): who, when, what, the changed fields before → after. */
export interface AuditEvent {
  id: string;
  at: string;
  /** `name`: the account's name as the API reads it with the event. */
  actor: { kind: 'account'; accountId: string; name?: string } | { kind: 'system-admin' } | { kind: 'anonymous' };
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Extension {
  unitId: string;
  step?: ExtendedStep;
  until: string;
  /** Why it was granted; null for extensions granted without one (older clients). */
  reason: string | null;
}

export interface GrantExtension {
  unitId: string;
  step: ExtendedStep;
  until: string;
  reason: string;
}

export interface PublishedVersion {
  setKey: string;
  number: number;
  label: string;
  title: string;
  /** The kinds of unit the version's definition applies to. */
  appliesTo: string[];
}

const enc = encodeURIComponent;

/** The calls of the campaign screens. */
export function campaignsApi(api: ApiClient) {
  const base = (id: string) => `/campaigns/${enc(id)}`;
  return {
    list: () => api.request<{ items: Campaign[] }>('GET', '/campaigns').then((page) => page.items),
    get: (id: string) => api.request<Campaign>('GET', base(id)),
    create: (body: NewCampaign) => api.request<Campaign>('POST', '/campaigns', body),
    open: (id: string, version: number) => api.request<{ campaign: Campaign; enrolled: number }>('POST', `${base(id)}/open`, { version }),
    update: (id: string, version: number, patch: CampaignPatch) => api.request<Campaign>('PATCH', base(id), { version, ...patch }),
    /** One page of the campaign's history, newest first; `nextCursor` asks for the next. */
    history: (id: string, cursor: string | null, limit = 20) =>
      api.request<{ items: AuditEvent[]; nextCursor: string | null }>('GET', `${base(id)}/history?limit=${limit}${cursor === null ? '' : `&cursor=${enc(cursor)}`}`),
    close: (id: string, version: number) => api.request<Campaign>('POST', `${base(id)}/close`, { version }),
    progress: (id: string) => api.request<Progress>('GET', `${base(id)}/progress`),
    extensions: (id: string) => api.request<{ items: Extension[] }>('GET', `${base(id)}/extensions`).then((page) => page.items),
    grantExtension: (id: string, body: GrantExtension) => api.request<Extension>('POST', `${base(id)}/extensions`, body),
    /** The tenant's published criteria versions, each with the kinds it applies to: what a campaign may choose. */
    publishedVersions: () => api.request<{ items: PublishedVersion[] }>('GET', '/criteria-versions?status=published').then((page) => page.items),
  };
}

export type CampaignsApi = ReturnType<typeof campaignsApi>;
