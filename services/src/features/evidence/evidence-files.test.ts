import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { LocalDiskStorage } from '../../storage/local-disk.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { errorOf, publishNational4725, requester } from '../campaigns/test-support.ts';
import { SubmissionViewSchema } from '../submissions/schemas.ts';
import { evidenceObjectKey } from './keys.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { FileDownloadSchema, UploadTicketSchema } from './schemas.ts';
import { exeBytes, pdfBytes, pngBytes, xlsxBytes } from './test-files.ts';
import { type FileToSend, attach, campaignWithA1, evidenceApp, putBytes, readSubmission, sha256Of, upload } from './test-support.ts';

let store: Store;
let province: TestProvince;
let version: { setKey: string; number: number };
let env: Awaited<ReturnType<typeof evidenceApp>>;
let storage: LocalDiskStorage;

beforeAll(async () => {
  store = await createTestStore();
  province = await seedProvince(store, 'tinh-minh-chung');
  version = await publishNational4725(store, province.tenantId);
  env = await evidenceApp(store);
  storage = env.storage;
});

const PDF = 'application/pdf';
const plan = (bytes: Uint8Array = pdfBytes(), name = 'Kế hoạch dạy học trực tuyến.pdf'): FileToSend => ({ criterionId: '1.1', slotId: 'plan', name, contentType: PDF, bytes });

/** Where an upload of A1 in `campaignId` is stored. */
const objectKey = (campaignId: string, uploadId: string) => evidenceObjectKey(adminContext(province.tenantId), campaignId, province.units.schoolA1.id, uploadId);

async function history(path: string) {
  const response = await env.call(province.headers.provinceAdmin, 'GET', `${path}/history?limit=100`);
  return AuditEventPageSchema.parse(await response.json()).items;
}

describe('evidence files: request an upload, send the bytes, attach', () => {
  it('attaches an uploaded PDF to its slot (audited, version moves) and lets readers download the same bytes', async () => {
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const bytes = pdfBytes();
    const before = await readSubmission(env.call, province.headers.editorA1, a1);
    const attached = await attach(env.app, province.headers.editorA1, a1, plan(bytes));

    expect(attached.item).toMatchObject({ kind: 'file', name: 'Kế hoạch dạy học trực tuyến.pdf', size: bytes.byteLength, contentType: PDF, sha256: sha256Of(bytes) });
    expect(attached.submission.submission.version).toBe(before.submission.version + 1);
    expect(attached.submission.submission.evidence['1.1']?.plan).toEqual([attached.item]);
    expect(attached.item.kind === 'file' && attached.item.storageKey.startsWith(`tenants/${province.tenantId}/campaigns/${campaign.id}/units/${province.units.schoolA1.id}/`)).toBe(true);
    const [event] = await history(a1);
    expect(event).toMatchObject({ action: 'submission.file-attached', entityVersion: before.submission.version + 1, before: { evidence: { '1.1/plan': [] } } });
    expect(event?.after).toMatchObject({ evidence: { '1.1/plan': [{ id: attached.item.id, kind: 'file', sha256: sha256Of(bytes) }] } });

    // A reviewer of the district reads it: a short-lived URL, then the bytes as an attachment.
    const ticket = await env.call(province.headers.reviewerA, 'GET', `${a1}/evidence/files/${attached.item.id}`);
    expect(ticket.status).toBe(200);
    const download = FileDownloadSchema.parse(await ticket.json());
    expect(download).toMatchObject({ name: 'Kế hoạch dạy học trực tuyến.pdf', contentType: PDF, size: bytes.byteLength, download: { method: 'GET', headers: {} } });
    const file = await env.app.request(download.download.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(PDF);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Kế hoạch dạy học trực tuyến.pdf')}`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('accepts photos and office documents by their content, and counts them towards the slot’s evidence', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    await attach(env.app, province.headers.editorA1, a1, { criterionId: '1.7', slotId: 'equipment_report', name: 'anh-phong-may.PNG', contentType: 'image/png', bytes: pngBytes() });
    const sheet = await xlsxBytes();
    const last = await attach(env.app, province.headers.editorA1, a1, {
      criterionId: '1.7',
      slotId: 'equipment_report',
      name: 'danh-muc-thiet-bi.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: sheet,
    });
    expect(last.submission.submission.evidence['1.7']?.equipment_report?.map((item) => item.kind === 'file' && item.name)).toEqual(['anh-phong-may.PNG', 'danh-muc-thiet-bi.xlsx']);
  });

  it('refuses bytes whose SHA-256 is not the declared one (400) and stores nothing; attaching then finds no file (409)', async () => {
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const sent = await upload(env.app, province.headers.editorA1, a1, plan());
    expect(sent.put.status).toBe(200);
    // Same size, one byte changed in transit.
    const bytes = pdfBytes();
    const ticket = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...sent.declared, sha256: sha256Of(pdfBytes('Bản khác')) });
    const { uploadId, upload: target } = UploadTicketSchema.parse(await ticket.json());
    const damaged = await putBytes(env.app, target, bytes);
    expect(damaged.status).toBe(400);
    expect(await errorOf(damaged)).toMatchObject({ code: 'checksum-mismatch', details: [{ path: 'body.sha256' }] });
    expect(await storage.get(objectKey(campaign.id, uploadId))).toBeNull();

    const before = await readSubmission(env.call, province.headers.editorA1, a1);
    const attachMissing = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: before.submission.version, uploadId, ...sent.declared });
    expect(attachMissing.status).toBe(409);
    expect(await errorOf(attachMissing)).toMatchObject({ code: 'file-not-uploaded', details: [{ path: 'body.uploadId' }] });
    expect((await readSubmission(env.call, province.headers.editorA1, a1)).submission.version).toBe(before.submission.version);
  });

  it('refuses a file over 20 MB when it is declared and when more bytes arrive than declared (413), storing nothing', async () => {
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const declared = { criterionId: '1.1', slotId: 'plan', name: 'bao-cao.pdf', contentType: PDF, sha256: sha256Of(pdfBytes()) };
    const big = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...declared, size: MAX_FILE_BYTES + 1 });
    expect(big.status).toBe(413);
    expect(await errorOf(big)).toMatchObject({ code: 'file-too-large', message: expect.stringContaining('20 MB'), details: [{ path: 'body.size' }] });

    const bytes = pdfBytes();
    const ticket = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...declared, size: bytes.byteLength - 1 });
    const { uploadId, upload: target } = UploadTicketSchema.parse(await ticket.json());
    const tooMany = await putBytes(env.app, target, bytes);
    expect(tooMany.status).toBe(413);
    expect(await errorOf(tooMany)).toMatchObject({ code: 'file-too-large' });
    expect(await storage.get(objectKey(campaign.id, uploadId))).toBeNull();
  });

  it('refuses types outside the allow-list, names of another type, and content that is not the declared type (415), storing nothing', async () => {
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const base = { criterionId: '1.1', slotId: 'plan', size: 100, sha256: sha256Of(exeBytes()) };
    const zip = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...base, name: 'minh-chung.zip', contentType: 'application/zip' });
    expect(zip.status).toBe(415);
    expect(await errorOf(zip)).toMatchObject({ code: 'unsupported-file-type', message: expect.stringContaining('PDF'), details: [{ path: 'body.contentType' }] });
    const renamed = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...base, name: 'ke-hoach.exe', contentType: PDF });
    expect(renamed.status).toBe(415);
    expect(await errorOf(renamed)).toMatchObject({ details: [{ path: 'body.name', code: 'extension-mismatch' }] });

    const disguised = await upload(env.app, province.headers.editorA1, a1, plan(exeBytes(), 'ke-hoach.pdf'));
    expect(disguised.put.status).toBe(415);
    expect(await errorOf(disguised.put)).toMatchObject({ code: 'file-content-mismatch', details: [{ path: 'body.contentType', code: 'content-mismatch' }] });
    expect(await storage.get(objectKey(campaign.id, disguised.uploadId))).toBeNull();

    // The Content-Type of the PUT must be the one the ticket named, as S3 demands.
    const pdf = await upload(env.app, province.headers.editorA1, a1, plan());
    expect(pdf.put.status).toBe(200);
    const ticket = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, pdf.declared);
    const { upload: target } = UploadTicketSchema.parse(await ticket.json());
    expect((await putBytes(env.app, target, pdfBytes(), { 'content-type': 'text/html' })).status).toBe(415);
  });

  it('checks the stored object again when attaching (as with S3, where the API never saw the bytes): a wrong one is deleted, nothing attached', async () => {
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const declared = { criterionId: '1.1', slotId: 'plan', name: 'ke-hoach.pdf', contentType: PDF, size: exeBytes().byteLength, sha256: sha256Of(exeBytes()) };
    const accepted = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, declared);
    const { uploadId } = UploadTicketSchema.parse(await accepted.json());
    const key = objectKey(campaign.id, uploadId);
    await storage.put(key, exeBytes(), { contentType: PDF, sha256: sha256Of(exeBytes()) });
    const before = await readSubmission(env.call, province.headers.editorA1, a1);
    const refused = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: before.submission.version, uploadId, ...declared });
    expect(refused.status).toBe(415);
    expect(await storage.get(key)).toBeNull();
    expect((await readSubmission(env.call, province.headers.editorA1, a1)).submission).toMatchObject({ version: before.submission.version, evidence: {} });
  });

  it('refuses attaching from a stale version (409 with the current one) and attaching the same upload twice', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const sent = await upload(env.app, province.headers.editorA1, a1, plan());
    const current = (await readSubmission(env.call, province.headers.editorA1, a1)).submission.version;
    const stale = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: current + 5, uploadId: sent.uploadId, ...sent.declared });
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: current });
    const first = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: current, uploadId: sent.uploadId, ...sent.declared });
    expect(first.status).toBe(201);
    const again = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: current + 1, uploadId: sent.uploadId, ...sent.declared });
    expect(await errorOf(again)).toMatchObject({ code: 'file-already-attached' });
  });

  it('removes a file: the item goes with an audit event naming the object, then the object is deleted', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const { item, submission } = await attach(env.app, province.headers.editorA1, a1, plan());
    if (item.kind !== 'file') throw new Error('expected a file');
    const removed = await env.call(province.headers.editorA1, 'DELETE', `${a1}/evidence/files/${item.id}`, { version: submission.submission.version });
    expect(removed.status).toBe(200);
    const view = SubmissionViewSchema.parse(await removed.json());
    expect(view.submission).toMatchObject({ version: submission.submission.version + 1, evidence: {} });
    expect(await storage.get(item.storageKey)).toBeNull();
    const [event] = await history(a1);
    expect(event).toMatchObject({ action: 'submission.file-removed', after: { evidence: { '1.1/plan': [] }, deletedObject: item.storageKey } });
    const gone = await env.call(province.headers.editorA1, 'GET', `${a1}/evidence/files/${item.id}`);
    expect(gone.status).toBe(404);
  });

  it('keeps a slot’s files when a PATCH replaces its links, and refuses a PATCH that names a file as a link', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const { item, submission } = await attach(env.app, province.headers.editorA1, a1, plan());
    const link = { kind: 'link', url: 'https://truong-hoa-sen.edu.vn/ke-hoach', label: 'Kế hoạch trên cổng thông tin' };
    const patched = await env.call(province.headers.editorA1, 'PATCH', a1, { version: submission.submission.version, evidence: { '1.1': { plan: [link] } } });
    expect(patched.status).toBe(200);
    const view = SubmissionViewSchema.parse(await patched.json());
    expect(view.submission.evidence['1.1']?.plan?.map((entry) => entry.kind)).toEqual(['link', 'file']);
    const hijack = await env.call(province.headers.editorA1, 'PATCH', a1, { version: view.submission.version, evidence: { '1.1': { plan: [{ ...link, id: item.id }] } } });
    expect(hijack.status).toBe(400);
    expect(await errorOf(hijack)).toMatchObject({ details: [{ code: 'unknown-evidence' }] });
  });

  it('refuses a file for a slot that asks for a link, or a slot the definition does not have (400)', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const declared = { name: 'a.pdf', contentType: PDF, size: 10, sha256: sha256Of(pdfBytes()) };
    const linkSlot = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...declared, criterionId: '1.4', slotId: 'catalogue' });
    expect(linkSlot.status).toBe(400);
    expect(await errorOf(linkSlot)).toMatchObject({ details: [{ path: 'body.slotId', code: 'slot-takes-links' }] });
    const unknown = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { ...declared, criterionId: '9.9', slotId: 'plan' });
    expect(await errorOf(unknown)).toMatchObject({ details: [{ path: 'body.criterionId', code: 'unknown-id' }] });
  });
});

describe('who reaches evidence files', () => {
  it('hides another school’s evidence (404) and lets a reviewer read but not upload (403)', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const { item } = await attach(env.app, province.headers.editorA1, a1, plan());
    const declared = { criterionId: '1.1', slotId: 'plan', name: 'x.pdf', contentType: PDF, size: 10, sha256: sha256Of(pdfBytes()) };
    expect((await env.call(province.headers.headB1, 'GET', `${a1}/evidence/files/${item.id}`)).status).toBe(404);
    expect((await env.call(province.headers.headB1, 'GET', `${a1}/evidence`)).status).toBe(404);
    expect((await env.call(province.headers.headB1, 'POST', `${a1}/evidence/uploads`, declared)).status).toBe(404);
    expect((await env.call(province.headers.reviewerB, 'GET', `${a1}/evidence/files/${item.id}`)).status).toBe(404);
    expect((await env.call(province.headers.reviewerA, 'GET', `${a1}/evidence/files/${item.id}`)).status).toBe(200);
    expect((await env.call(province.headers.reviewerA, 'POST', `${a1}/evidence/uploads`, declared)).status).toBe(403);
    expect((await env.call(province.headers.reviewerA, 'DELETE', `${a1}/evidence/files/${item.id}`, { version: 1 })).status).toBe(403);
  });

  it('refuses a forged or reused-for-another-method object URL (403), and answers 503 where no storage is configured', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const { item } = await attach(env.app, province.headers.editorA1, a1, plan());
    const ticket = FileDownloadSchema.parse(await (await env.call(province.headers.editorA1, 'GET', `${a1}/evidence/files/${item.id}`)).json());
    expect((await putBytes(env.app, { url: ticket.download.url, headers: { 'content-type': PDF } }, pdfBytes())).status).toBe(403);
    expect((await env.app.request(`${ticket.download.url.slice(0, -3)}abc`)).status).toBe(403);

    const bare = requester(createTestApp(store));
    const none = await bare(province.headers.editorA1, 'POST', `${a1}/evidence/uploads`, { criterionId: '1.1', slotId: 'plan', name: 'x.pdf', contentType: PDF, size: 10, sha256: sha256Of(pdfBytes()) });
    expect(none.status).toBe(503);
    expect(await errorOf(none)).toMatchObject({ code: 'evidence-storage-unavailable' });
  });
});
