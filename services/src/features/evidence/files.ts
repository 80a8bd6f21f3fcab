import type { Definition, EvidenceSlot, ScoreResult } from '@chiso/criteria';
import type { Caller } from '../../auth/caller.ts';
import type { Snapshot } from '../../db/audit-event.ts';
import { newId } from '../../db/ids.ts';
import { InvalidInputsError, NotFoundError, StateConflictError } from '../../errors.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { pinnedDefinition } from '../campaigns/criteria.ts';
import { MAX_EVIDENCE_PER_SLOT } from '../submissions/changes.ts';
import type { StoredSubmission } from '../submissions/repository.ts';
import type { EvidenceItem, EvidenceMap, FileEvidence } from '../submissions/schemas.ts';
import { scoreContent, summaryOf } from '../submissions/scoring.ts';
import { type SubmissionDeps, locate, openForEdit, viewAfterSave } from '../submissions/use-cases.ts';
import { evidenceObjectKey } from './keys.ts';
import { DOWNLOAD_URL_SECONDS, MAX_FILE_BYTES, UPLOAD_URL_SECONDS } from './limits.ts';
import { alreadyAttached, notUploaded, storageUnavailable } from './refusals.ts';
import type { EvidenceRepository } from './repository.ts';
import type { AttachFile, FileDownload, RequestUpload, UploadTicket } from './schemas.ts';
import { bytesProblem, declaredType } from './verify.ts';

export interface EvidenceDeps extends SubmissionDeps {
  evidence: EvidenceRepository;
  /** Null when the deployment has none configured: file routes answer 503. */
  storage: ObjectStorage | null;
}

const nowOf = (deps: EvidenceDeps): string => (deps.now ?? (() => new Date()))().toISOString();

function storageOf(deps: EvidenceDeps): ObjectStorage {
  if (deps.storage === null) throw storageUnavailable();
  return deps.storage;
}

/** The slot a file goes to: it must be in the pinned definition and take documents or files (link slots ask for an address). */
function fileSlot(definition: Definition, criterionId: string, slotId: string): EvidenceSlot {
  const criterion = definition.groups.flatMap((group) => group.criteria).find((candidate) => candidate.id === criterionId);
  if (criterion === undefined)
    throw new InvalidInputsError([
      { path: 'body.criterionId', code: 'unknown-id', messageVi: `Tiêu chí "${criterionId}" không có trong bộ chỉ số của hồ sơ`, messageEn: `Criterion "${criterionId}" is not in the submission's criteria set` },
    ]);
  const slot = criterion.evidence.find((candidate) => candidate.id === slotId);
  if (slot === undefined)
    throw new InvalidInputsError([
      { path: 'body.slotId', code: 'unknown-id', messageVi: `Tiêu chí ${criterionId} không có ô minh chứng "${slotId}"`, messageEn: `Criterion ${criterionId} has no evidence slot "${slotId}"` },
    ]);
  if (slot.kind === 'link')
    throw new InvalidInputsError([
      {
        path: 'body.slotId',
        code: 'slot-takes-links',
        messageVi: `Ô "${slot.label.vi}" yêu cầu đường link (trang phải truy cập được), không nhận tệp`,
        messageEn: `The slot "${slot.label.en ?? slot.label.vi}" asks for a link (a reachable page), not a file`,
      },
    ]);
  return slot;
}

function assertRoom(evidence: EvidenceMap, criterionId: string, slotId: string, currentVersion: number): void {
  if ((evidence[criterionId]?.[slotId]?.length ?? 0) < MAX_EVIDENCE_PER_SLOT) return;
  throw new StateConflictError(
    'slot-full',
    `Ô minh chứng đã đủ ${MAX_EVIDENCE_PER_SLOT} mục; hãy gỡ bớt trước khi thêm`,
    `The evidence slot already holds ${MAX_EVIDENCE_PER_SLOT} items; remove one first`,
    [{ path: 'body.slotId', code: 'slot-full', messageVi: slotId, messageEn: slotId }],
    currentVersion,
  );
}

/** The submission, if the caller may change its evidence now: open campaign, with the school, the version it read. */
/**
 * Step 1 of an upload: checks what the browser declares (slot, type, name, size) and answers where to
 * PUT the bytes. Nothing is written: a ticket never used leaves no trace.
 */
export async function requestUpload(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string, input: RequestUpload): Promise<UploadTicket> {
  const { stored } = await openForEdit(deps, caller, campaignId, unitId, null);
  const definition = await pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria);
  fileSlot(definition, input.criterionId, input.slotId);
  const type = declaredType(input, 'body');
  assertRoom(stored.content.evidence, input.criterionId, input.slotId, stored.head.version);
  const uploadId = newId();
  const upload = await storageOf(deps).presign({
    method: 'PUT',
    key: evidenceObjectKey(caller.ctx, campaignId, unitId, uploadId),
    contentType: type.contentType,
    size: input.size,
    sha256: input.sha256,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  return { uploadId, upload, maxBytes: MAX_FILE_BYTES };
}

const fileShape = (item: FileEvidence): Snapshot => ({ id: item.id, kind: item.kind, name: item.name, size: item.size, contentType: item.contentType, sha256: item.sha256 });
const slotShape = (items: EvidenceItem[]) => items.map((item) => (item.kind === 'file' ? fileShape(item) : { id: item.id, kind: item.kind, url: item.url }));

function withSlot(evidence: EvidenceMap, criterionId: string, slotId: string, items: EvidenceItem[]): EvidenceMap {
  const criterion = { ...(evidence[criterionId] ?? {}) };
  if (items.length === 0) delete criterion[slotId];
  else criterion[slotId] = items;
  const next = { ...evidence };
  if (Object.keys(criterion).length === 0) delete next[criterionId];
  else next[criterionId] = criterion;
  return next;
}

/** Saves a slot's new list with the score it brings, audited with the slot before → after (and the points when they move). */
async function saveSlot(
  deps: EvidenceDeps,
  caller: Caller,
  stored: StoredSubmission,
  definition: Definition,
  change: { criterionId: string; slotId: string; items: EvidenceItem[]; action: 'submission.file-attached' | 'submission.file-removed'; extra: Snapshot },
): Promise<{ saved: StoredSubmission; score: ScoreResult }> {
  const at = nowOf(deps);
  const slotKey = `${change.criterionId}/${change.slotId}`;
  const old = stored.content.evidence[change.criterionId]?.[change.slotId] ?? [];
  const content = { ...stored.content, evidence: withSlot(stored.content.evidence, change.criterionId, change.slotId, change.items), updatedAt: at };
  const { version: _version, ...contentFields } = content;
  const previous = scoreContent(definition, stored.content);
  const score = scoreContent(definition, content);
  const before: Snapshot = { evidence: { [slotKey]: slotShape(old) } };
  const after: Snapshot = { evidence: { [slotKey]: slotShape(change.items) }, ...change.extra };
  if (previous.total !== score.total || previous.overallLevel !== score.overallLevel) {
    Object.assign(before, { total: previous.total, overallLevel: previous.overallLevel });
    Object.assign(after, { total: score.total, overallLevel: score.overallLevel });
  }
  const saved = await deps.submissions.saveContent(
    caller.ctx,
    stored,
    { head: { score: summaryOf(score), startedAt: stored.head.startedAt ?? at, updatedAt: at }, content: contentFields },
    { action: change.action, before, after },
  );
  return { saved, score };
}

/**
 * Step 3: attaches an uploaded file to its slot, from the version the client read. The stored bytes
 * are read back and must be the declared file (size, SHA-256, type by content); if not, the object is
 * deleted and nothing is attached. Answers the submission as it now is.
 */
export async function attachFile(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string, input: AttachFile) {
  const { located, stored } = await openForEdit(deps, caller, campaignId, unitId, input.version);
  const version = stored.head.version;
  const definition = await pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria);
  fileSlot(definition, input.criterionId, input.slotId);
  const type = declaredType(input, 'body');
  const key = evidenceObjectKey(caller.ctx, campaignId, unitId, input.uploadId);
  const everything = Object.values(stored.content.evidence).flatMap((slots) => Object.values(slots).flat());
  if (everything.some((item) => item.kind === 'file' && item.storageKey === key)) throw alreadyAttached(version);
  assertRoom(stored.content.evidence, input.criterionId, input.slotId, version);
  const storage = storageOf(deps);
  const object = await storage.get(key);
  if (object === null) throw notUploaded(version);
  const problem = bytesProblem(object.body, { size: input.size, sha256: input.sha256, type }, 'body');
  if (problem !== null) {
    await storage.delete(key);
    throw problem;
  }
  // Marked attached before the item is written: should the write fail, the object is released again below;
  // should the release fail too, a file is kept that nothing names, never an item whose file the sweep removed.
  if (!(await storage.keep(key))) throw notUploaded(version);
  const item: FileEvidence = {
    id: newId(),
    kind: 'file',
    name: input.name,
    size: input.size,
    contentType: type.contentType,
    sha256: input.sha256,
    storageKey: key,
    addedAt: nowOf(deps),
    addedBy: caller.accountId,
  };
  const items = [...(stored.content.evidence[input.criterionId]?.[input.slotId] ?? []), item];
  let written: { saved: StoredSubmission; score: ScoreResult };
  try {
    written = await saveSlot(deps, caller, stored, definition, { criterionId: input.criterionId, slotId: input.slotId, items, action: 'submission.file-attached', extra: {} });
  } catch (error) {
    await storage.release(key).catch((failure: unknown) => console.error(`Evidence object ${key} stays marked attached though nothing names it:`, failure));
    throw error;
  }
  return { criterionId: input.criterionId, slotId: input.slotId, item, submission: await viewAfterSave(deps, caller, located, written.saved, written.score) };
}

function findFile(stored: StoredSubmission, evidenceId: string): { criterionId: string; slotId: string; item: FileEvidence } {
  for (const [criterionId, slots] of Object.entries(stored.content.evidence))
    for (const [slotId, items] of Object.entries(slots))
      for (const item of items) if (item.id === evidenceId && item.kind === 'file') return { criterionId, slotId, item };
  throw new NotFoundError({ type: 'evidence', id: evidenceId });
}

/**
 * Removes an attached file from the version the client read, then deletes its object. The item goes
 * first (audited, naming the object): should the deletion fail, an unreferenced object remains, never
 * an item whose file is gone; it was marked pending just before, so the sweep (or S3's lifecycle rule)
 * removes it later.
 */
export async function removeFile(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string, evidenceId: string, seen: number) {
  const { located, stored } = await openForEdit(deps, caller, campaignId, unitId, seen);
  const storage = storageOf(deps);
  const found = findFile(stored, evidenceId);
  const definition = await pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria);
  const items = (stored.content.evidence[found.criterionId]?.[found.slotId] ?? []).filter((item) => item.id !== evidenceId);
  const { saved, score } = await saveSlot(deps, caller, stored, definition, {
    criterionId: found.criterionId,
    slotId: found.slotId,
    items,
    action: 'submission.file-removed',
    extra: { deletedObject: found.item.storageKey },
  });
  const key = found.item.storageKey;
  // Pending first: should the deletion fail, the sweep (on S3, the lifecycle rule) still removes the object later.
  await storage.release(key).catch((error: unknown) => console.error(`Evidence object ${key} could not be marked pending:`, error));
  await storage.delete(key).catch((error: unknown) => console.error(`Evidence object ${key} stays after its item was removed, until it is swept:`, error));
  return viewAfterSave(deps, caller, located, saved, score);
}

/** A short-lived URL to download an attached file, for anyone who may read the submission. */
export async function fileDownload(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string, evidenceId: string): Promise<FileDownload> {
  const located = await locate(deps, caller, campaignId, unitId, 'submission.read');
  const stored = await deps.submissions.get(caller.ctx, located.campaign.id, located.unit.id);
  if (stored === null) throw new NotFoundError({ type: 'evidence', id: evidenceId });
  const { item } = findFile(stored, evidenceId);
  const download = await storageOf(deps).presign({ method: 'GET', key: item.storageKey, fileName: item.name, contentType: item.contentType, expiresInSeconds: DOWNLOAD_URL_SECONDS });
  return { download, name: item.name, contentType: item.contentType, size: item.size, sha256: item.sha256 };
}
