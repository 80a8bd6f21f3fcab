import { seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { queryTenantPartition } from '../../db/query.ts';
import { ConflictError } from '../../errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { accountHeaders, adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { campaignRepository } from '../campaigns/repository.ts';
import { CampaignListSchema, CampaignSchema } from '../campaigns/schemas.ts';
import { campaignBody, openedCampaign, publishNational4725, requester } from '../campaigns/test-support.ts';
import { campaignStatusIndex } from '../submissions/keys.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { ProgressSchema, type SubmissionView, SubmissionViewSchema } from '../submissions/schemas.ts';
import { itemsOf, takeItems } from './move-copies.ts';
import { BATCH_COPIES, unitMoveRepository } from './move-repository.ts';
import { startMove } from './move.ts';
import { unitRepository } from './repository.ts';
import { type Unit, UnitDetailSchema } from './schemas.ts';
import { actionsOf, addAccount, addUnits, callerOf } from './test-support.ts';

let store: Store;
let call: ReturnType<typeof requester>;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
});

type Headers = Record<string, string>;

async function ok<T>(response: Response, parse: (body: unknown) => T, status = 200): Promise<T> {
  if (response.status !== status) throw new Error(`answered ${response.status}: ${await response.text()}`);
  return parse(await response.json());
}

const moveTo = async (p: TestProvince, unit: Pick<Unit, 'id'>, version: number, parent: Pick<Unit, 'id'>) =>
  ok(await call(p.headers.provinceAdmin, 'POST', `/units/${unit.id}/move`, { version, parentId: parent.id }), (body) => UnitDetailSchema.parse(body));

const newOffice = async (p: TestProvince, name: string) =>
  ok(await call(p.headers.provinceAdmin, 'POST', '/units', { parentId: p.units.so.id, name, kind: 'district-office' }), (body) => UnitDetailSchema.parse(body), 201);

const progressOf = async (headers: Headers, campaignId: string) => ok(await call(headers, 'GET', `/campaigns/${campaignId}/progress`), (body) => ProgressSchema.parse(body));

const read = async (path: string, headers: Headers): Promise<SubmissionView> => ok(await call(headers, 'GET', path), (body) => SubmissionViewSchema.parse(body));

const patch = async (path: string, headers: Headers, body: Record<string, unknown>): Promise<SubmissionView> =>
  ok(await call(headers, 'PATCH', path, body), (answer) => SubmissionViewSchema.parse(answer));

/** Seed 003's answers, points and one link per item of evidence it counts: a complete 84 / 94 submission. */
function seed003Change(version: number) {
  const evidence = Object.fromEntries(
    Object.entries(seed003Example.evidence).map(([criterion, slots]) => [
      criterion,
      Object.fromEntries(
        Object.entries(slots).map(([slot, count]) => [
          slot,
          Array.from({ length: count }, (_, i) => ({ kind: 'link', url: `https://truong-thu.edu.vn/minh-chung/${criterion}/${slot}/${i + 1}`, label: `Minh chứng ${criterion} số ${i + 1}` })),
        ]),
      ),
    ]),
  );
  return { version, answers: seed003Example.answers, awards: seed003Example.awards, evidence };
}

/** The unit ids a campaign's status index (#19) lists in one status under `path`. */
async function inStatusIndex(p: TestProvince, campaignId: string, status: string, path: string): Promise<string[]> {
  const ctx = adminContext(p.tenantId);
  const page = await queryTenantPartition(store, ctx, { index: 'gsi2', partition: campaignStatusIndex(ctx, campaignId, status), sortBeginsWith: `PATH#${path}`, limit: 1000, cursor: null });
  return page.items.map((item) => String(item.unitId));
}

describe('a school moved while a campaign is open', () => {
  let p: TestProvince;
  let campaignId: string;

  beforeAll(async () => {
    p = await seedProvince(store, 'tinh-chuyen-truong');
    const version = await publishNational4725(store, p.tenantId);
    campaignId = (await openedCampaign(call, p.headers.provinceAdmin, campaignBody(version))).campaign.id;
  });

  it('is listed by its new Phòng’s reviewer and no longer by the old one’s; its draft opens, keeps what was saved, scores, and takes the new Phòng as recogniser', async () => {
    const { schoolA1, schoolA2, phongA, phongB } = p.units;
    const a1 = `/campaigns/${campaignId}/submissions/${schoolA1.id}`;
    expect((await read(a1, p.headers.editorA1)).submission).toMatchObject({ recogniserUnitId: phongA.id, version: 1 });
    await patch(a1, p.headers.editorA1, { version: 1, comments: { '1.3': 'Đã họp tổ chuyên môn ngày 10/01' } });
    expect((await progressOf(p.headers.reviewerA, campaignId)).items.map((row) => row.unitId)).toContain(schoolA1.id);

    const school = await moveTo(p, schoolA1, 1, phongB);

    const ofA = (await progressOf(p.headers.reviewerA, campaignId)).items.map((row) => row.unitId);
    expect(ofA).not.toContain(schoolA1.id);
    expect(ofA).toContain(schoolA2.id);
    const ofB = await progressOf(p.headers.reviewerB, campaignId);
    expect(ofB.items.find((row) => row.unitId === schoolA1.id)).toMatchObject({ status: 'draft', unitPath: school.path, unitName: schoolA1.name });
    expect(await inStatusIndex(p, campaignId, 'draft', phongB.path)).toContain(schoolA1.id);
    expect(await inStatusIndex(p, campaignId, 'draft', phongA.path)).not.toContain(schoolA1.id);

    // The recogniser changed without a new version: the school's next autosave from what it read goes through.
    const view = await read(a1, p.headers.headA1);
    expect(view.submission).toMatchObject({ unitPath: school.path, recogniserUnitId: phongB.id, version: 2, comments: { '1.3': 'Đã họp tổ chuyên môn ngày 10/01' } });
    const scored = await patch(a1, p.headers.editorA1, seed003Change(2));
    expect(scored.score.groups.map((g) => [g.id, g.points, g.level])).toEqual([
      ['1', 84, 3],
      ['2', 94, 3],
    ]);

    const history = await ok(await call(p.headers.provinceAdmin, 'GET', `${a1}/history?limit=100`), (body) => AuditEventPageSchema.parse(body));
    expect(history.items.find((event) => event.action === 'submission.recogniser-changed')).toMatchObject({
      entityVersion: 2,
      before: { recogniserUnitId: phongA.id, unitPath: schoolA1.path },
      after: { recogniserUnitId: phongB.id, unitPath: school.path },
    });
  });

  it('keeps the recogniser of a submission already sent when the school moves, and lists it under its new place', async () => {
    const { schoolA2, phongA, phongB } = p.units;
    const a2 = `/campaigns/${campaignId}/submissions/${schoolA2.id}`;
    await read(a2, p.headers.headA2);
    const filled = await patch(a2, p.headers.headA2, seed003Change(1));
    expect((await call(p.headers.headA2, 'POST', `${a2}/submit`, { version: filled.submission.version })).status).toBe(200);

    const school = await moveTo(p, schoolA2, 1, phongB);

    const [head] = await submissionRepository(store).listUnder(adminContext(p.tenantId), campaignId, school.path);
    expect(head).toMatchObject({ unitId: schoolA2.id, unitPath: school.path, status: 'submitted', recogniserUnitId: phongA.id, version: filled.submission.version + 1 });
    expect((await progressOf(p.headers.reviewerB, campaignId)).items.find((row) => row.unitId === schoolA2.id)).toMatchObject({ status: 'submitted' });
    expect(await inStatusIndex(p, campaignId, 'submitted', school.path)).toEqual([schoolA2.id]);
  });
});

describe('an office that owns a campaign, moved', () => {
  it('carries the campaign’s ownerPath and its schools’ submissions; a change read before the move does not write the old path back', async () => {
    const p = await seedProvince(store, 'tinh-chuyen-chu-tri');
    const version = await publishNational4725(store, p.tenantId);
    const { campaign } = await openedCampaign(call, p.headers.officeAdminA, campaignBody(version, { ownerUnitId: p.units.phongA.id }));
    const cluster = await newOffice(p, 'Phòng GDĐT Liên Xã Ven Biển');
    const seen = await ok(await call(p.headers.officeAdminA, 'GET', `/campaigns/${campaign.id}`), (body) => CampaignSchema.parse(body));

    const phong = await moveTo(p, p.units.phongA, 1, cluster);
    expect(phong.path).toBe(`${cluster.path}${p.units.phongA.id}/`);

    // A change in flight across the move: it read the campaign before, and writes after.
    await campaignRepository(store).update(adminContext(p.tenantId), seen, { ...seen, deadlines: { ...seen.deadlines, publication: '2099-06-30' } }, 'campaign.updated');
    const now = await ok(await call(p.headers.officeAdminA, 'GET', `/campaigns/${campaign.id}`), (body) => CampaignSchema.parse(body));
    expect(now).toMatchObject({ ownerPath: phong.path, version: seen.version + 1, deadlines: { publication: '2099-06-30' } });

    const listed = await ok(await call(p.headers.reviewerA, 'GET', '/campaigns'), (body) => CampaignListSchema.parse(body));
    expect(listed.items.map((c) => c.id)).toContain(campaign.id);
    const progress = await progressOf(p.headers.reviewerA, campaign.id);
    expect(progress.items.map((row) => [row.unitId, row.unitPath]).sort()).toEqual(
      [p.units.schoolA1, p.units.schoolA2].map((school) => [school.id, `${phong.path}${school.id}/`]).sort(),
    );
    const heads = await submissionRepository(store).listUnder(adminContext(p.tenantId), campaign.id, phong.path);
    expect(heads.map((head) => head.recogniserUnitId)).toEqual([p.units.phongA.id, p.units.phongA.id]);
    expect(await submissionRepository(store).listUnder(adminContext(p.tenantId), campaign.id, p.units.phongA.path)).toEqual([]);
  });
});

describe('a large move with submissions (more than one transaction holds)', () => {
  it('rewrites 130 schools, their accounts, their submissions in two campaigns and the campaign their Phòng owns, in batches, resuming a run cut short', async () => {
    const p = await seedProvince(store, 'tinh-chuyen-lon-ho-so');
    const version = await publishNational4725(store, p.tenantId);
    const big = await newOffice(p, 'Phòng GDĐT Thị Xã Rộng');
    const schools = await addUnits(store, p.tenantId, big, Array.from({ length: 130 }, (_, i) => ({ name: `Trường Tiểu học số ${i + 1}`, kind: 'primary' as const })));
    const admin = await addAccount(store, p.tenantId, big, 'office-admin');
    for (const school of schools.slice(0, 10)) await addAccount(store, p.tenantId, school, 'school-head');
    const ofSo = await openedCampaign(call, p.headers.provinceAdmin, campaignBody(version));
    const ofBig = await openedCampaign(call, await accountHeaders(p.tenantId, admin.id), campaignBody(version, { ownerUnitId: big.id }));
    expect([ofSo.enrolled, ofBig.enrolled]).toEqual([134, 130]);

    const ctx = adminContext(p.tenantId);
    const deps = { units: unitRepository(store), moves: unitMoveRepository(store) };
    const caller = await callerOf(store, p.tenantId, p.accounts.provinceAdmin.id);
    const marked = await startMove(deps, caller, big.id, { version: 1, parentId: p.units.phongB.id });
    if (marked.moving === null) throw new Error('not marked');
    const mark = marked.moving;
    const pending = await deps.moves.pending(ctx, mark, big.id);
    // 130 units, 11 accounts, 260 submission heads, 1 campaign.
    expect(itemsOf(pending)).toBe(402);
    const batch = takeItems(pending, BATCH_COPIES);
    await deps.moves.rewrite(ctx, marked, mark, batch);
    // …and here the process stops. Running the same batch again changes nothing.
    await expect(deps.moves.rewrite(ctx, marked, mark, batch)).rejects.toBeInstanceOf(ConflictError);

    const unit = await moveTo(p, big, marked.version, p.units.phongB);
    expect(unit).toMatchObject({ path: mark.toPath, moving: null });
    const submissions = submissionRepository(store);
    for (const campaign of [ofSo.campaign, ofBig.campaign]) {
      expect(await submissions.listUnder(ctx, campaign.id, big.path)).toEqual([]);
      const heads = await submissions.listUnder(ctx, campaign.id, unit.path);
      expect(heads).toHaveLength(130);
      for (const head of heads) expect(head).toMatchObject({ unitPath: `${unit.path}${head.unitId}/`, recogniserUnitId: big.id, version: 1 });
      expect(await inStatusIndex(p, campaign.id, 'draft', unit.path)).toHaveLength(130);
    }
    const owned = await ok(await call(p.headers.provinceAdmin, 'GET', `/campaigns/${ofBig.campaign.id}`), (body) => CampaignSchema.parse(body));
    expect(owned.ownerPath).toBe(unit.path);
    const progressed = (await actionsOf(store, p.tenantId, big.id)).filter((action) => action === 'unit.move-progressed');
    expect(progressed.length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
