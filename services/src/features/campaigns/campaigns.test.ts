import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext } from '../../testing/test-app.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { createDraft } from '../criteria-sets/use-cases.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { ProgressSchema, SubmissionViewSchema } from '../submissions/schemas.ts';
import { unitRepository } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import { CampaignListSchema, CampaignSchema, ExtensionSchema } from './schemas.ts';
import { PAST_DEADLINES, campaignBody, campaignWorld, errorOf, openedCampaign, publishNational4725, requester } from './test-support.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-ky-danh-gia'));
});

async function create(body: ReturnType<typeof campaignBody>, as = province.headers.provinceAdmin) {
  const response = await call(as, 'POST', '/campaigns', body);
  expect(response.status).toBe(201);
  return CampaignSchema.parse(await response.json());
}

async function history(campaignId: string, as = province.headers.provinceAdmin) {
  const response = await call(as, 'GET', `/campaigns/${campaignId}/history`);
  expect(response.status).toBe(200);
  return AuditEventPageSchema.parse(await response.json()).items;
}

/** Which schools of the test province have a submission in the campaign (read behind the API). */
async function enrolledUnits(campaignId: string): Promise<string[]> {
  const heads = await submissionRepository(store).listUnder(adminContext(province.tenantId), campaignId, province.units.so.path);
  const nameOf = new Map(Object.entries(province.units).map(([name, unit]) => [unit.id, name]));
  return heads.map((head) => nameOf.get(head.unitId) ?? head.unitId).sort();
}

describe('creating a campaign', () => {
  it('creates a draft at the Sở on the published 4725, pinned to its hash, and audits it', async () => {
    const campaign = await create(campaignBody(v4725));
    expect(campaign).toMatchObject({
      ownerUnitId: province.units.so.id,
      status: 'draft',
      schoolYear: '2024-2025',
      recognition: { rule: 'nearest-office' },
      version: 1,
      criteria: [{ setKey: v4725.setKey, number: v4725.number, contentHash: v4725.contentHash, label: '2022.1' }],
    });
    expect((await history(campaign.id)).map((e) => e.action)).toEqual(['campaign.created']);
  });

  it('refuses a draft version, a kind given twice, a kind the set does not cover, an office kind, and deadlines out of order, each by path', async () => {
    const draft = await createDraft({ sets: criteriaSetRepository(store) }, adminContext(province.tenantId), {
      from: 'clone',
      source: { builtIn: '4725' },
      label: 'nháp',
    });
    const notPublished = await errorOf(await call(province.headers.provinceAdmin, 'POST', '/campaigns', campaignBody({ setKey: '4725', number: draft.version.number })));
    expect(notPublished.details).toEqual([expect.objectContaining({ path: 'body.criteria[0]', code: 'version-not-published' })]);

    const body = {
      ...campaignBody(v4725),
      criteria: [
        { kinds: ['primary', 'preschool', 'district-office'], setKey: v4725.setKey, number: v4725.number },
        { kinds: ['primary'], setKey: v4725.setKey, number: v4725.number },
      ],
    };
    const response = await call(province.headers.provinceAdmin, 'POST', '/campaigns', body);
    expect(response.status).toBe(400);
    const codes = (await errorOf(response)).details.map((d) => [d.path, d.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['body.criteria[0].kinds[1]', 'kind-not-covered'],
        ['body.criteria[0].kinds[2]', 'not-a-school-kind'],
        ['body.criteria[0].kinds[2]', 'kind-not-covered'],
        ['body.criteria[1].kinds[0]', 'duplicate-kind'],
      ]),
    );

    const late = { ...campaignBody(v4725), deadlines: { ...PAST_DEADLINES, reviewRequest: '2019-12-31' }, schoolYear: '2024-2026' };
    const order = await errorOf(await call(province.headers.provinceAdmin, 'POST', '/campaigns', late));
    expect(order.details.map((d) => d.path).sort()).toEqual(['body.deadlines.reviewRequest', 'body.schoolYear']);
    expect(order.details.find((d) => d.path === 'body.deadlines.reviewRequest')?.message).toBe('Hạn đề nghị đánh giá ngoài không được trước hạn tự đánh giá');
  });

  it('needs campaign.manage at the owner: a viewer of the Sở gets 403, a reviewer of a Phòng 404, an office admin creates at its Phòng', async () => {
    expect((await call(province.headers.provinceViewer, 'POST', '/campaigns', campaignBody(v4725, { ownerUnitId: province.units.so.id }))).status).toBe(403);
    expect((await call(province.headers.reviewerA, 'POST', '/campaigns', campaignBody(v4725, { ownerUnitId: province.units.so.id }))).status).toBe(404);
    const office = await create(campaignBody(v4725), province.headers.officeAdminA);
    expect(office.ownerUnitId).toBe(province.units.phongA.id);
    const school = await call(province.headers.provinceAdmin, 'POST', '/campaigns', campaignBody(v4725, { ownerUnitId: province.units.schoolA1.id }));
    expect((await errorOf(school)).details[0]).toMatchObject({ path: 'body.ownerUnitId', code: 'not-an-active-office' });
  });

  it('shows a campaign to the units above and below its owner, and to no one else', async () => {
    const office = await create(campaignBody(v4725), province.headers.officeAdminA);
    const ids = async (headers: Record<string, string>) => CampaignListSchema.parse(await (await call(headers, 'GET', '/campaigns')).json()).items.map((c) => c.id);
    expect(await ids(province.headers.provinceAdmin)).toContain(office.id);
    expect(await ids(province.headers.headA1)).toContain(office.id);
    expect(await ids(province.headers.headB1)).not.toContain(office.id);
    expect((await call(province.headers.reviewerB, 'GET', `/campaigns/${office.id}`)).status).toBe(404);
    expect((await call(province.headers.headA1, 'GET', `/campaigns/${office.id}`)).status).toBe(200);
    expect((await call(province.headers.headA1, 'PATCH', `/campaigns/${office.id}`, { version: 1, name: 'Đổi tên thử' })).status).toBe(403);
  });
});

describe('opening and closing', () => {
  it('creates the submissions of the active schools in scope whose kind has a version, and only those', async () => {
    const province = await seedProvince(store, 'tinh-mo-ky');
    const version = await publishNational4725(store, province.tenantId);
    const all = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(version));
    expect(all.enrolled).toBe(4);
    expect(all.campaign).toMatchObject({ status: 'open', version: 2 });
    const office = await openedCampaign(call, province.headers.officeAdminA, campaignBody(version));
    expect(office.enrolled).toBe(2);
    const primary = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(version, { kinds: ['primary'] }));
    expect(primary.enrolled).toBe(2);
      const listed = async (campaignId: string) =>
      (await submissionRepository(store).listUnder(adminContext(province.tenantId), campaignId, province.units.so.path)).map((h) => h.unitId).sort();
    const ids = (...names: (keyof typeof province.units)[]) => names.map((n) => province.units[n].id).sort();
    expect(await listed(all.campaign.id)).toEqual(ids('schoolA1', 'schoolA2', 'schoolB1', 'thptC'));
    expect(await listed(office.campaign.id)).toEqual(ids('schoolA1', 'schoolA2'));
    expect(await listed(primary.campaign.id)).toEqual(ids('schoolA1', 'schoolB1'));
    // A school outside the office's campaign has no submission in it.
    expect((await call(province.headers.provinceAdmin, 'GET', `/campaigns/${office.campaign.id}/submissions/${province.units.schoolB1.id}`)).status).toBe(404);
    expect((await history(all.campaign.id, province.headers.provinceAdmin))[0]).toMatchObject({ action: 'campaign.opened', before: { status: 'draft' }, after: { status: 'open', enrolling: 4 } });
  });

  it('records the recogniser of each school: its Phòng, or the Sở for a school straight under it', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const read = async (unit: Unit) =>
      SubmissionViewSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/submissions/${unit.id}`)).json()).submission;
    expect((await read(province.units.schoolA1)).recogniserUnitId).toBe(province.units.phongA.id);
    expect((await read(province.units.thptC)).recogniserUnitId).toBe(province.units.so.id);
    expect(await enrolledUnits(campaign.id)).toEqual(['schoolA1', 'schoolA2', 'schoolB1', 'thptC']);
  });

  it('refuses illegal transitions with 409 and the allowed ones; a stale version with 409 and the current one', async () => {
    const draft = await create(campaignBody(v4725));
    const closeDraft = await call(province.headers.provinceAdmin, 'POST', `/campaigns/${draft.id}/close`, { version: 1 });
    expect(closeDraft.status).toBe(409);
    expect(await errorOf(closeDraft)).toMatchObject({ code: 'illegal-transition', details: [{ code: 'allowed.edit' }, { code: 'allowed.open' }] });
    const stale = await call(province.headers.provinceAdmin, 'POST', `/campaigns/${draft.id}/open`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: 1 });
    expect((await call(province.headers.provinceAdmin, 'POST', `/campaigns/${draft.id}/open`, { version: 1 })).status).toBe(200);
    const again = await errorOf(await call(province.headers.provinceAdmin, 'POST', `/campaigns/${draft.id}/open`, { version: 2 }));
    expect(again).toMatchObject({ code: 'illegal-transition', details: [{ code: 'allowed.edit' }, { code: 'allowed.close' }] });
    expect((await call(province.headers.provinceAdmin, 'POST', `/campaigns/${draft.id}/close`, { version: 2 })).status).toBe(200);
    const closed = await errorOf(await call(province.headers.provinceAdmin, 'PATCH', `/campaigns/${draft.id}`, { version: 3, name: 'Tên mới' }));
    expect(closed).toMatchObject({ code: 'illegal-transition', details: [] });
    expect((await history(draft.id)).map((e) => e.action)).toEqual(['campaign.closed', 'campaign.opened', 'campaign.created']);
  });

  it('lets an open campaign change its deadlines only, in order', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const locked = await call(province.headers.provinceAdmin, 'PATCH', `/campaigns/${campaign.id}`, { version: campaign.version, name: 'Tên khác', deadlines: { selfAssessment: '2099-02-01' } });
    expect(locked.status).toBe(409);
    expect(await errorOf(locked)).toMatchObject({ code: 'locked-while-open', details: [{ path: 'body.name' }] });
    const disorder = await call(province.headers.provinceAdmin, 'PATCH', `/campaigns/${campaign.id}`, { version: campaign.version, deadlines: { selfAssessment: '2099-03-01' } });
    expect((await errorOf(disorder)).details.map((d) => d.path)).toEqual(['body.deadlines.reviewRequest']);
    const moved = await call(province.headers.provinceAdmin, 'PATCH', `/campaigns/${campaign.id}`, { version: campaign.version, deadlines: { selfAssessment: '2099-02-01' } });
    expect(moved.status).toBe(200);
    expect(CampaignSchema.parse(await moved.json())).toMatchObject({ version: campaign.version + 1, deadlines: { selfAssessment: '2099-02-01', reviewRequest: '2099-02-15' } });
    const [latest] = await history(campaign.id);
    expect(latest).toMatchObject({ action: 'campaign.updated', before: { deadlines: { selfAssessment: '2099-01-31' } }, after: { deadlines: { selfAssessment: '2099-02-01' } } });
  });
});

describe('a school added after opening', () => {
  it('is listed as not started, then joins on its first read and can start', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const phongA = province.units.phongA;
    const id = newId();
    const now = new Date().toISOString();
    const school: Unit = { id, parentId: phongA.id, name: 'Trường THCS Mới Mở', kind: 'lower-secondary', code: null, path: `${phongA.path}${id}/`, depth: 2, status: 'active', version: 1, createdAt: now, updatedAt: now };
    await unitRepository(store).insert(adminContext(province.tenantId), school, phongA);

    const progress = ProgressSchema.parse(await (await call(province.headers.reviewerA, 'GET', `/campaigns/${campaign.id}/progress`)).json());
    expect(progress).toMatchObject({ total: 3, counts: { 'not-started': 3 } });
    expect(progress.items.find((row) => row.unitId === id)).toMatchObject({ status: 'not-started', score: null });

    const read = await call(province.headers.reviewerA, 'GET', `/campaigns/${campaign.id}/submissions/${id}`);
    expect(read.status).toBe(200);
    const view = SubmissionViewSchema.parse(await read.json());
    expect(view.submission).toMatchObject({ unitId: id, status: 'draft', version: 1, recogniserUnitId: phongA.id, criteria: { setKey: v4725.setKey, number: v4725.number } });
    expect(view.allowedActions).toEqual(['edit', 'submit']);
    expect(await enrolledUnits(campaign.id)).toContain(id);
  });
});

describe('extensions', () => {
  it('are granted by the campaign owner to a unit of the campaign, audited, and refused to others', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const path = `/campaigns/${campaign.id}/extensions`;
    expect((await call(province.headers.headA1, 'POST', path, { unitId: province.units.schoolA1.id, until: '2099-02-10' })).status).toBe(403);
    const early = await errorOf(await call(province.headers.provinceAdmin, 'POST', path, { unitId: province.units.schoolA1.id, until: '2099-01-01' }));
    expect(early.details[0]).toMatchObject({ path: 'body.until', code: 'before-deadline' });
    const office = await errorOf(await call(province.headers.provinceAdmin, 'POST', path, { unitId: province.units.phongA.id, until: '2099-02-10' }));
    expect(office.details[0]).toMatchObject({ path: 'body.unitId', code: 'not-in-campaign' });
    const granted = await call(province.headers.provinceAdmin, 'POST', path, { unitId: province.units.schoolA1.id, until: '2099-02-10' });
    expect(granted.status).toBe(200);
    expect(ExtensionSchema.parse(await granted.json())).toMatchObject({ unitId: province.units.schoolA1.id, until: '2099-02-10', version: 1 });
    const moved = ExtensionSchema.parse(await (await call(province.headers.provinceAdmin, 'POST', path, { unitId: province.units.schoolA1.id, until: '2099-02-12' })).json());
    expect(moved).toMatchObject({ until: '2099-02-12', version: 2 });
    const [latest] = await history(campaign.id);
    expect(latest).toMatchObject({ action: 'campaign.extension-granted', before: { until: '2099-02-10' }, after: { unitId: province.units.schoolA1.id, until: '2099-02-12' } });
    const view = SubmissionViewSchema.parse(await (await call(province.headers.headA1, 'GET', `/campaigns/${campaign.id}/submissions/${province.units.schoolA1.id}`)).json());
    expect(view.deadline).toEqual({ selfAssessment: '2099-01-31', extendedUntil: '2099-02-12', passed: false });
  });
});

describe('progress', () => {
  it('lists the units in the caller’s scope with counts per status, filters by status and kind, and marks late ones overdue', async () => {
    const province = await seedProvince(store, 'tinh-tien-do');
    const v4725 = await publishNational4725(store, province.tenantId);
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725, { deadlines: PAST_DEADLINES }));
    const progress = async (headers: Record<string, string>, query = '') => {
      const response = await call(headers, 'GET', `/campaigns/${campaign.id}/progress${query}`);
      expect(response.status).toBe(200);
      return ProgressSchema.parse(await response.json());
    };
    const everything = await progress(province.headers.provinceAdmin);
    expect(everything.total).toBe(4);
    expect(everything.counts.overdue).toBe(4);
    const onlyB = await progress(province.headers.reviewerB);
    expect(onlyB.items.map((r) => r.unitId)).toEqual([province.units.schoolB1.id]);
    const own = await progress(province.headers.headA1);
    expect(own.items.map((r) => r.unitId)).toEqual([province.units.schoolA1.id]);
    const primary = await progress(province.headers.provinceAdmin, '?kind=primary');
    expect(primary.items.map((r) => r.unitKind)).toEqual(['primary', 'primary']);
    await call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: province.units.thptC.id, until: '2099-01-01' });
    const notLate = await progress(province.headers.provinceAdmin, '?status=not-started');
    expect(notLate.items.map((r) => [r.unitId, r.deadline])).toEqual([[province.units.thptC.id, '2099-01-01']]);
    expect(notLate.counts).toMatchObject({ overdue: 3, 'not-started': 1 });
    expect((await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/progress?status=lost`)).status).toBe(400);
  });
});
