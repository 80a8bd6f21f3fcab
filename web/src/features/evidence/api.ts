import type { ApiClient } from '../../api/client.ts';
import type { SubmissionView } from '../../api/types.ts';

// The evidence routes this feature calls (services/src/features/evidence), with only the fields it reads.

/** A link or a file of an evidence slot, as the submission holds it. */
export type EvidenceItem =
  | { id: string; kind: 'link'; url: string; label: string }
  | { id: string; kind: 'file'; name: string; size: number; contentType: string };

/** Evidence by criterion id, then slot id. */
export type EvidenceMap = Record<string, Record<string, EvidenceItem[]>>;

/** A link as a patch sends it: an existing one keeps its id, a new one has none. */
export interface LinkInput {
  id?: string;
  kind: 'link';
  url: string;
  label: string;
}

/** A request the browser makes itself, exactly as the API describes it (S3 presigned, or the API's own object route). */
export interface PresignedRequest {
  method: 'PUT' | 'GET';
  url: string;
  headers: Record<string, string>;
}

export interface UploadTicket {
  uploadId: string;
  upload: PresignedRequest;
  maxBytes: number;
}

export interface FileFacts {
  criterionId: string;
  slotId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface LastCheck {
  outcome: string;
  message: string;
  messageEn: string;
  checkedAt: string;
}

export type CatalogueItem =
  | { id: string; kind: 'link'; url: string; label: string; lastCheck: LastCheck | null }
  | { id: string; kind: 'file'; name: string; size: number; contentType: string; downloadPath: string };

type Text = { vi: string; en: string | null };

export interface Catalogue {
  counts: { links: number; files: number; fileBytes: number; missingSlots: number };
  criteria: {
    groupId: string;
    criterionId: string;
    title: Text;
    slots: { id: string; kind: string; label: Text; guidance: Text | null; required: boolean; missing: boolean; acceptsFiles: boolean; items: CatalogueItem[] }[];
  }[];
}

const enc = encodeURIComponent;

export function evidenceApi(api: ApiClient, campaignId: string, unitId: string) {
  const base = `/campaigns/${enc(campaignId)}/submissions/${enc(unitId)}`;
  return {
    catalogue: () => api.request<Catalogue>('GET', `${base}/evidence`),
    /** Replaces the links of one slot (its files stay). */
    setLinks: (version: number, criterionId: string, slotId: string, links: LinkInput[]) =>
      api.request<SubmissionView>('PATCH', base, { version, evidence: { [criterionId]: { [slotId]: links } } }),
    requestUpload: (facts: FileFacts) => api.request<UploadTicket>('POST', `${base}/evidence/uploads`, facts),
    attach: (version: number, uploadId: string, facts: FileFacts) =>
      api.request<{ submission: SubmissionView }>('POST', `${base}/evidence/files`, { version, uploadId, ...facts }),
    removeFile: (version: number, evidenceId: string) => api.request<SubmissionView>('DELETE', `${base}/evidence/files/${enc(evidenceId)}`, { version }),
    download: (evidenceId: string) => api.request<{ download: PresignedRequest; name: string }>('GET', `${base}/evidence/files/${enc(evidenceId)}`),
  };
}

export type EvidenceApi = ReturnType<typeof evidenceApi>;

/** The evidence of a submission view, in this feature's own terms. */
export function evidenceOf(view: SubmissionView): EvidenceMap {
  const map: EvidenceMap = {};
  for (const [criterionId, slots] of Object.entries(view.submission.evidence)) {
    const bySlot: Record<string, EvidenceItem[]> = {};
    for (const [slotId, items] of Object.entries(slots)) bySlot[slotId] = items.filter(isEvidenceItem);
    map[criterionId] = bySlot;
  }
  return map;
}

function isEvidenceItem(value: unknown): value is EvidenceItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item.id === 'string' && (item.kind === 'link' || item.kind === 'file');
}

/** How many items each slot holds: what the core's scoring takes. */
export function evidenceCounts(evidence: EvidenceMap): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const [criterionId, slots] of Object.entries(evidence)) counts[criterionId] = Object.fromEntries(Object.entries(slots).map(([slotId, items]) => [slotId, items.length]));
  return counts;
}
