import { ApiError, asApiError } from '../../api/errors.ts';
import type { SubmissionView } from '../../api/types.ts';
import type { EvidenceApi, EvidenceMap, LinkInput } from './api.ts';
import { contentTypeOf, followDownload, sendFile, sha256Hex } from './upload.ts';

/** What the evidence panels may do; each change resolves once the server has it, or throws its refusal (`ApiError`). */
export interface EvidenceActions {
  evidence: () => EvidenceMap;
  /** Required slots still empty, as `criterion/slot`. */
  missing: () => ReadonlySet<string>;
  editable: () => boolean;
  addLink(criterionId: string, slotId: string, link: { url: string; label: string }): Promise<void>;
  removeLink(criterionId: string, slotId: string, evidenceId: string): Promise<void>;
  upload(criterionId: string, slotId: string, file: File, onProgress: (fraction: number) => void): Promise<void>;
  removeFile(evidenceId: string): Promise<void>;
  download(evidenceId: string): Promise<void>;
}

export interface EvidenceHost {
  api: EvidenceApi;
  /** Runs a change in turn with autosave (see form/serial.ts). */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  version: () => number;
  evidence: () => EvidenceMap;
  missing: () => ReadonlySet<string>;
  editable: () => boolean;
  /** The server's submission after a change. */
  onView: (view: SubmissionView) => void;
  /** Someone else changed the submission meanwhile: the host catches up, then the person tries again. */
  onStale: (error: ApiError) => void;
}


/**
 * The evidence changes of one submission. Links are a patch of the slot's list of links; a file goes in
 * three steps (declare, send the bytes where the API says, attach), only the last of which changes the
 * submission, so only it waits for its turn.
 */
export function createEvidenceActions(host: EvidenceHost): EvidenceActions {
  const change = async (task: () => Promise<SubmissionView>) => {
    try {
      host.onView(await host.run(task));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 409) host.onStale(error);
      throw error;
    }
  };
  const linksOf = (criterionId: string, slotId: string): LinkInput[] =>
    (host.evidence()[criterionId]?.[slotId] ?? []).flatMap((item) => (item.kind === 'link' ? [{ id: item.id, kind: 'link' as const, url: item.url, label: item.label }] : []));

  return {
    evidence: host.evidence,
    missing: host.missing,
    editable: host.editable,
    addLink: (criterionId, slotId, link) =>
      change(() => host.api.setLinks(host.version(), criterionId, slotId, [...linksOf(criterionId, slotId), { kind: 'link', url: link.url, label: link.label }])),
    removeLink: (criterionId, slotId, evidenceId) =>
      change(() => host.api.setLinks(host.version(), criterionId, slotId, linksOf(criterionId, slotId).filter((link) => link.id !== evidenceId))),
    async upload(criterionId, slotId, file, onProgress) {
      onProgress(0);
      const facts = { criterionId, slotId, name: file.name, contentType: contentTypeOf(file), size: file.size, sha256: await sha256Hex(file) };
      const ticket = await host.api.requestUpload(facts);
      await sendFile(ticket.upload, file, onProgress);
      await change(async () => (await host.api.attach(host.version(), ticket.uploadId, facts)).submission);
    },
    removeFile: (evidenceId) => change(() => host.api.removeFile(host.version(), evidenceId)),
    async download(evidenceId) {
      const { download } = await host.api.download(evidenceId);
      followDownload(download);
    },
  };
}
