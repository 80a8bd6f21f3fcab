import type { ApiClient } from '../../api/client.ts';

// The campaigns API as these screens read it (services/src/features/campaigns and submissions/progress):
// only the fields used here.

export const DEADLINE_STEPS = ['selfAssessment', 'reviewRequest', 'externalReview', 'recognition', 'publication'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
export type Deadlines = Record<DeadlineStep, string>;

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

export const PROGRESS_STATUSES = ['not-started', 'draft', 'overdue', 'submitted', 'in-review', 'returned', 'accepted', 'recognised', 'published'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface LevelSummary {
  total: number;
  overallLevel: number;
  groups: { id: string; points: number; level: number }[];
}

/** An office a school belongs to: the nearest one above it (its Phòng, or the Sở). */
export interface OfficeRef {
  id: string;
  name: string;
}

export interface ProgressRow {
  unitId: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  office: OfficeRef | null;
  status: ProgressStatus;
  criteria: { setKey: string; number: number };
  /** The levels at each stage, as far as the cycle has come: the school's own, the reviewer's, the recognised ones. */
  levels: { self: LevelSummary | null; review: LevelSummary | null; recognised: (LevelSummary & { decision: { number: string; date: string } }) | null };
  deadline: string;
  submittedAt: string | null;
}

export interface Progress {
  campaignId: string;
  counts: Partial<Record<ProgressStatus, number>>;
  total: number;
  items: ProgressRow[];
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
    close: (id: string, version: number) => api.request<Campaign>('POST', `${base(id)}/close`, { version }),
    progress: (id: string) => api.request<Progress>('GET', `${base(id)}/progress`),
    extensions: (id: string) => api.request<{ items: Extension[] }>('GET', `${base(id)}/extensions`).then((page) => page.items),
    grantExtension: (id: string, body: GrantExtension) => api.request<Extension>('POST', `${base(id)}/extensions`, body),
    /** The tenant's published criteria versions, each with the kinds it applies to: what a campaign may choose. */
    publishedVersions: () => api.request<{ items: PublishedVersion[] }>('GET', '/criteria-versions?status=published').then((page) => page.items),
  };
}

export type CampaignsApi = ReturnType<typeof campaignsApi>;
