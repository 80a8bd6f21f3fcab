import type { ScoreResult } from '@chiso/criteria';
import type { ApiClient } from '../../api/client.ts';
import type { Deadlines, Progress } from '../../api/progress.ts';
import type { CriteriaPin, SubmissionStatus } from '../../api/types.ts';
import type { UnitDeadlines } from './deadlines-strip.tsx';

// The reviewer's calls and the fields of their answers this feature reads (see /api/openapi.json).

export { PROGRESS_STATUSES } from '../../api/progress.ts';
export type { Deadlines, LevelSummary, Progress, ProgressRow, ProgressStatus } from '../../api/progress.ts';

export interface ReviewCampaign {
  id: string;
  name: string;
  schoolYear: string;
  status: string;
  deadlines: Deadlines;
}

export type EvidenceItem =
  | { id: string; kind: 'link'; url: string; label: string; addedAt: string }
  | { id: string; kind: 'file'; name: string; size: number; contentType: string; addedAt: string };

export type EvidenceMap = Record<string, Record<string, EvidenceItem[]>>;

export interface ReviewSubmission {
  campaignId: string;
  unitId: string;
  unitKind: string;
  status: SubmissionStatus;
  answers: Record<string, unknown>;
  awards: Record<string, number>;
  evidence: EvidenceMap;
  comments: Record<string, string>;
  recogniserUnitId: string;
  recognition: { decision: { number: string; date: string }; levels: { groups: Record<string, number>; overall: number } } | null;
  publishedAt: string | null;
  version: number;
}

export interface ChangesSinceReturn {
  returnedAt: string;
  comment: string;
  answers: { id: string; before: unknown; after: unknown }[];
  awards: { id: string; before: number | null; after: number | null }[];
  evidence: { criterionId: string; slotId: string; added: EvidenceItem[]; removed: EvidenceItem[]; changed: { before: EvidenceItem; after: EvidenceItem }[] }[];
  comments: { criterionId: string; before: string | null; after: string | null }[];
}

export interface ReviewView {
  submission: ReviewSubmission;
  review: { awards: Record<string, number>; comments: Record<string, string>; lastReturn: { at: string; comment: string } | null; updatedAt: string | null };
  schoolScore: ScoreResult;
  reviewScore: ScoreResult;
  changesSinceReturn: ChangesSinceReturn | null;
  definition: CriteriaPin;
  allowedActions: string[];
  /** Every step's day for this unit, extensions included. */
  deadlines: UnitDeadlines;
}

export interface ReviewPatch {
  version: number;
  awards?: Record<string, number | null>;
  comments?: Record<string, string | null>;
}

export interface Recognition {
  version: number;
  decision: { number: string; date: string };
  levels?: { groups: Record<string, number>; overall: number };
}

interface FileDownload {
  download: { url: string };
  name: string;
}

const enc = encodeURIComponent;

/** The reviewer's API calls, on the session's client. */
export function reviewApi(api: ApiClient) {
  const base = (campaignId: string, unitId: string) => `/campaigns/${enc(campaignId)}/submissions/${enc(unitId)}`;
  const step = (path: string) => (campaignId: string, unitId: string, version: number) => api.request<ReviewView>('POST', `${base(campaignId, unitId)}${path}`, { version });
  return {
    campaigns: () => api.request<{ items: ReviewCampaign[] }>('GET', '/campaigns'),
    progress: (campaignId: string) => api.request<Progress>('GET', `/campaigns/${enc(campaignId)}/progress`),
    review: (campaignId: string, unitId: string) => api.request<ReviewView>('GET', `${base(campaignId, unitId)}/review`),
    start: step('/review/start'),
    accept: step('/accept'),
    publish: step('/publish'),
    save: (campaignId: string, unitId: string, patch: ReviewPatch) => api.request<ReviewView>('PATCH', `${base(campaignId, unitId)}/review`, patch),
    giveBack: (campaignId: string, unitId: string, version: number, comment: string) =>
      api.request<ReviewView>('POST', `${base(campaignId, unitId)}/return`, { version, comment }),
    recognise: (campaignId: string, unitId: string, body: Recognition) => api.request<ReviewView>('POST', `${base(campaignId, unitId)}/recognise`, body),
    fileUrl: async (campaignId: string, unitId: string, evidenceId: string) => {
      const found = await api.request<FileDownload>('GET', `${base(campaignId, unitId)}/evidence/files/${enc(evidenceId)}`);
      return found.download.url;
    },
    definition: (pin: CriteriaPin) => api.criteriaVersion(pin.setKey, pin.number),
    unit: (unitId: string) => api.request<{ id: string; name: string; kind: string }>('GET', `/units/${enc(unitId)}`),
  };
}

export type ReviewApi = ReturnType<typeof reviewApi>;
