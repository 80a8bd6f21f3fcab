import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { ConflictError } from '../../errors.ts';
import { sweepPendingUploads } from '../../storage/pending-sweep.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { auditLog } from '../audit-events/repository.ts';
import { campaignRepository } from '../campaigns/repository.ts';
import { errorOf, publishNational4725 } from '../campaigns/test-support.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { callerOf } from '../reviews/test-support.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { unitRepository } from '../units/repository.ts';
import { attachFile } from './files.ts';
import { evidenceObjectKey } from './keys.ts';
import { evidenceRepository } from './repository.ts';
import { FileDownloadSchema } from './schemas.ts';
import { pdfBytes } from './test-files.ts';
import { type FileToSend, attach, campaignWithA1, evidenceApp, readSubmission, upload } from './test-support.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let store: Store;
let province: TestProvince;
let version: { setKey: string; number: number };

beforeAll(async () => {
  store = await createTestStore();
  province = await seedProvince(store, 'tinh-don-tep');
  version = await publishNational4725(store, province.tenantId);
});

const plan = (note: string): FileToSend => ({ criterionId: '1.1', slotId: 'plan', name: 'ke-hoach.pdf', contentType: 'application/pdf', bytes: pdfBytes(note) });
const keyOf = (campaignId: string, uploadId: string) => evidenceObjectKey(adminContext(province.tenantId), campaignId, province.units.schoolA1.id, uploadId);

describe('uploads that no submission names', () => {
  it('are swept once the retention has passed, while attached files stay and still download', async () => {
    // A storage directory of its own: the sweep sees only this test's files.
    const env = await evidenceApp(store);
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const { item } = await attach(env.app, province.headers.editorA1, a1, plan('Bản đính kèm'));
    const abandoned = await upload(env.app, province.headers.editorA1, a1, plan('Bản tải lên rồi bỏ'));
    expect(abandoned.put.status).toBe(200);
    expect(await env.storage.get(keyOf(campaign.id, abandoned.uploadId))).not.toBeNull();

    expect(await sweepPendingUploads(env.storage, { retentionMs: DAY, now: () => new Date(Date.now() + HOUR) })).toMatchObject({ removed: 0, pending: 1, attached: 1 });
    expect(await sweepPendingUploads(env.storage, { retentionMs: DAY, now: () => new Date(Date.now() + DAY + HOUR) })).toMatchObject({ removed: 1, pending: 0, attached: 1 });
    expect(await env.storage.get(keyOf(campaign.id, abandoned.uploadId))).toBeNull();

    // The attached file is still there for the reviewer; the swept upload can no longer be attached.
    const ticket = FileDownloadSchema.parse(await (await env.call(province.headers.reviewerA, 'GET', `${a1}/evidence/files/${item.id}`)).json());
    expect((await env.app.request(ticket.download.url)).status).toBe(200);
    const { submission } = await readSubmission(env.call, province.headers.editorA1, a1);
    const late = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/files`, { version: submission.version, uploadId: abandoned.uploadId, ...abandoned.declared });
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({ code: 'file-not-uploaded' });
  });

  it('go back to pending when the attach is not written after all, and are swept like any other', async () => {
    const env = await evidenceApp(store);
    const { campaign, a1 } = await campaignWithA1(env.call, province, version);
    const sent = await upload(env.app, province.headers.editorA1, a1, plan('Bản gặp xung đột'));
    const { submission } = await readSubmission(env.call, province.headers.editorA1, a1);
    // Another save lands between the checks and the write: the transaction is refused.
    const evidence = evidenceRepository(store);
    const deps = {
      campaigns: campaignRepository(store),
      sets: criteriaSetRepository(store),
      units: unitRepository(store),
      submissions: { ...submissionRepository(store), saveContent: async () => Promise.reject(new ConflictError({ type: 'submission', id: 'x' }, submission.version + 1, 'stale')) },
      audit: auditLog(store),
      evidence,
      storage: env.storage,
    };
    const editor = await callerOf(store, province.tenantId, province.accounts.editorA1.id);
    await expect(attachFile(deps, editor, campaign.id, province.units.schoolA1.id, { version: submission.version, uploadId: sent.uploadId, ...sent.declared })).rejects.toThrow(
      ConflictError,
    );
    expect(await sweepPendingUploads(env.storage, { retentionMs: DAY, now: () => new Date(Date.now() + DAY + HOUR) })).toMatchObject({ removed: 1, attached: 0 });
    expect(await env.storage.get(keyOf(campaign.id, sent.uploadId))).toBeNull();
  });

  it('are gone at once when the school removes its file, and the removal names the object in the history', async () => {
    const env = await evidenceApp(store);
    const { a1 } = await campaignWithA1(env.call, province, version);
    const { item, submission } = await attach(env.app, province.headers.editorA1, a1, plan('Bản sẽ gỡ'));
    if (item.kind !== 'file') throw new Error('expected a file');
    const removed = await env.call(province.headers.editorA1, 'DELETE', `${a1}/evidence/files/${item.id}`, { version: submission.submission.version });
    expect(removed.status).toBe(200);
    expect(await env.storage.get(item.storageKey)).toBeNull();
    expect(await sweepPendingUploads(env.storage, { retentionMs: DAY, now: () => new Date(Date.now() + 400 * DAY) })).toMatchObject({ removed: 0, pending: 0, attached: 0 });
    const history = await env.call(province.headers.provinceAdmin, 'GET', `${a1}/history?limit=1`);
    expect(await history.json()).toMatchObject({ items: [{ action: 'submission.file-removed', after: { deletedObject: item.storageKey } }] });
  });
});
