import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { campaignBody, errorOf, openedCampaign, publishNational4725, type requester } from '../campaigns/test-support.ts';
import { CatalogueSchema, FileDownloadSchema } from '../evidence/schemas.ts';
import { pdfBytes } from '../evidence/test-files.ts';
import { attach, evidenceApp, sha256Of } from '../evidence/test-support.ts';
import { PublicCampaignResultsSchema, PublicUnitResultsSchema } from './public-schemas.ts';
import { fillSeed003, groupPoints, historyOf, reviewStep, schoolPatch, submit } from './test-support.ts';

let store: Store;
let province: TestProvince;
let env: Awaited<ReturnType<typeof evidenceApp>>;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  store = await createTestStore();
  // With evidence storage on the local disk (a temporary directory), as in embedded mode.
  env = await evidenceApp(store);
  call = env.call;
  province = await seedProvince(store, 'tinh-danh-gia-ngoai');
  v4725 = await publishNational4725(store, province.tenantId);
});

const anonymous = {};

describe('the whole cycle of seed 003', () => {
  it('goes from self-assessment with links and an attached file through review (the file downloaded), a return, recognition and publication to the public page', async () => {
    const { headers, units, accounts, tenantId } = province;
    const { campaign } = await openedCampaign(call, headers.provinceAdmin, campaignBody(v4725));
    const a1 = `/campaigns/${campaign.id}/submissions/${units.schoolA1.id}`;
    const publicUnit = `/public/${tenantId}/units/${units.schoolA1.id}/results`;
    const publicCampaign = `/public/${tenantId}/results?campaignId=${campaign.id}`;

    // The school fills seed 003 (84 / 94 / level 3) and its head submits.
    const filled = await fillSeed003(call, headers.editorA1, a1);
    expect(filled.score.groups.map((g) => [g.points, g.level])).toEqual([
      [84, 3],
      [94, 3],
    ]);
    expect(filled.submission.recogniserUnitId).toBe(units.phongA.id);

    // It attaches its report on 1.6 as a PDF through the storage routes (declare, PUT the bytes, attach): the points stay.
    const report = pdfBytes('Báo cáo ứng dụng công nghệ số trong dạy học, năm học 2024-2025 (thử nghiệm)');
    const reportName = 'Báo cáo tiêu chí 1.6.pdf';
    const attached = await attach(env.app, headers.editorA1, a1, { criterionId: '1.6', slotId: 'report', name: reportName, contentType: 'application/pdf', bytes: report });
    expect(attached.item).toMatchObject({ kind: 'file', name: reportName, size: report.byteLength, contentType: 'application/pdf', sha256: sha256Of(report) });
    expect(groupPoints(attached.submission.score)).toEqual([84, 94]);
    const catalogue = CatalogueSchema.parse(await (await call(headers.editorA1, 'GET', `${a1}/evidence`)).json());
    const reportSlot = catalogue.criteria.find((c) => c.criterionId === '1.6')?.slots.find((slot) => slot.id === 'report');
    expect(reportSlot).toMatchObject({ missing: false, items: [{ id: attached.item.id, kind: 'file', name: reportName, sha256: sha256Of(report) }] });
    expect(catalogue.counts).toMatchObject({ files: 1, fileBytes: report.byteLength });
    const submitted = await submit(call, headers.headA1, a1, attached.submission.submission.version);

    // The Phòng's reviewer takes it into review: its points start as the school's.
    let review = await reviewStep(call, headers.reviewerA, a1, 'review/start', { version: submitted.submission.version });
    expect(review.submission.status).toBe('in-review');
    expect(review.allowedActions).toEqual(['review', 'return', 'accept']);
    expect(groupPoints(review.reviewScore)).toEqual([84, 94]);

    // The reviewer downloads the school's file: a short-lived URL, then exactly the bytes the school sent.
    const ticket = await call(headers.reviewerA, 'GET', `${a1}/evidence/files/${attached.item.id}`);
    expect(ticket.status).toBe(200);
    const download = FileDownloadSchema.parse(await ticket.json());
    expect(download).toMatchObject({ name: reportName, size: report.byteLength, sha256: sha256Of(report) });
    const file = await env.app.request(download.download.url);
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(sha256Of(bytes)).toBe(sha256Of(report));
    expect(Buffer.from(bytes).equals(Buffer.from(report))).toBe(true);

    // It lowers 1.4a next to the school's 10, comments, and the reviewer's score is the server's.
    review = await reviewStep(call, headers.reviewerA, a1, 'review', {
      version: review.submission.version,
      awards: { '1.4a': 6 },
      comments: { '1.4': 'Chưa có văn bản phê duyệt danh mục học liệu số' },
    });
    expect(review.indicators.find((i) => i.id === '1.4a')).toMatchObject({ cap: 10, school: 10, reviewer: 6, counted: 6 });
    expect(review.submission.awards['1.4a']).toBe(10);
    expect(groupPoints(review.schoolScore)).toEqual([84, 94]);
    expect(groupPoints(review.reviewScore)).toEqual([80, 94]);
    expect(review.submission.reviewScore).toMatchObject({ total: 174, overallLevel: 3 });
    expect(review.changesSinceReturn).toBeNull();

    // It returns the dossier with a comment; the school edits and its head submits again.
    const comment = 'Đề nghị bổ sung văn bản phê duyệt danh mục học liệu số (tiêu chí 1.4)';
    review = await reviewStep(call, headers.reviewerA, a1, 'return', { version: review.submission.version, comment });
    expect(review.submission.status).toBe('returned');
    expect(review.allowedActions).toEqual(['edit', 'submit']);
    expect(review.review.lastReturn).toMatchObject({ comment, by: accounts.reviewerA.id });
    const approval = { kind: 'link', url: 'https://trung-tam-thu.edu.vn/minh-chung/1.4/phe-duyet', label: 'Quyết định phê duyệt danh mục học liệu số' };
    const edited = await schoolPatch(call, headers.editorA1, a1, { version: review.submission.version, answers: { digital_materials: 52 }, evidence: { '1.4': { approval: [approval] } } });
    const resubmitted = await submit(call, headers.headA1, a1, edited.submission.version);
    expect(resubmitted.submission.status).toBe('submitted');

    // The next review shows what changed since the return, and keeps the reviewer's points.
    review = await reviewStep(call, headers.reviewerA, a1, 'review/start', { version: resubmitted.submission.version });
    expect(review.changesSinceReturn).toMatchObject({
      comment,
      returnedBy: accounts.reviewerA.id,
      answers: [{ id: 'digital_materials', before: 45, after: 52 }],
      awards: [],
      comments: [],
      evidence: [{ criterionId: '1.4', slotId: 'approval', added: [{ url: approval.url, label: approval.label }], removed: [], changed: [] }],
    });
    expect(review.review.awards).toEqual({ '1.4a': 6 });
    expect(review.review.comments).toEqual({ '1.4': 'Chưa có văn bản phê duyệt danh mục học liệu số' });

    review = await reviewStep(call, headers.reviewerA, a1, 'accept', { version: review.submission.version });
    expect(review.submission).toMatchObject({ status: 'accepted', reviewScore: { total: 174, overallLevel: 3 } });

    // The office recognises by decision: the reviewer may not, its office admin may.
    const decision = { number: '125/QĐ-PGDĐT', date: '2025-05-12' };
    const byReviewer = await call(headers.reviewerA, 'POST', `${a1}/recognise`, { version: review.submission.version, decision });
    expect(byReviewer.status).toBe(403);
    review = await reviewStep(call, headers.officeAdminA, a1, 'recognise', { version: review.submission.version, decision });
    expect(review.submission.status).toBe('recognised');
    expect(review.submission.recognition).toMatchObject({
      decision,
      levels: { groups: { '1': 3, '2': 3 }, overall: 3 },
      points: { groups: { '1': 80, '2': 94 }, total: 174 },
      levelsAdjusted: false,
      recognisedBy: accounts.officeAdminA.id,
    });

    // Not public until published; then readable without signing in, public fields only.
    expect((await call(anonymous, 'GET', publicUnit)).status).toBe(404);
    expect((await call(anonymous, 'GET', publicCampaign)).status).toBe(404);
    review = await reviewStep(call, headers.officeAdminA, a1, 'publish', { version: review.submission.version });
    expect(review.submission.status).toBe('published');
    expect(review.allowedActions).toEqual(['reopen']);

    const byUnit = await call(anonymous, 'GET', publicUnit);
    expect(byUnit.status).toBe(200);
    const unitResults = PublicUnitResultsSchema.parse(await byUnit.json());
    expect(unitResults.unit).toEqual({ id: units.schoolA1.id, name: 'Trường Tiểu học Hoa Sen', kind: 'primary' });
    const [result] = unitResults.items;
    expect(result).toMatchObject({
      campaign: { id: campaign.id, name: campaign.name, schoolYear: '2024-2025' },
      groups: [
        { id: '1', points: 80, level: 3, title: { vi: 'Chuyển đổi số trong dạy, học' } },
        { id: '2', points: 94, level: 3 },
      ],
      total: 174,
      overallLevel: 3,
      decision,
    });
    expect(Object.keys(result ?? {}).sort()).toEqual(['campaign', 'decision', 'groups', 'overallLevel', 'publishedAt', 'total', 'unit']);
    const text = JSON.stringify(unitResults);
    for (const secret of ['digital_materials', 'trung-tam-thu.edu.vn', comment, accounts.reviewerA.id, accounts.officeAdminA.id, reportName, attached.item.id]) expect(text).not.toContain(secret);

    const byCampaign = PublicCampaignResultsSchema.parse(await (await call(anonymous, 'GET', publicCampaign)).json());
    expect(byCampaign.items.map((item) => [item.unit.id, item.overallLevel])).toEqual([[units.schoolA1.id, 3]]);
    expect((await call(anonymous, 'GET', `/public/${tenantId}/units/${units.schoolA2.id}/results`)).status).toBe(404);

    // Every transition and every change of points is in the submission's history.
    const events = await historyOf(call, headers.provinceAdmin, a1);
    expect(events.map((e) => e.action).slice(0, 10)).toEqual([
      'submission.published',
      'submission.recognised',
      'submission.accepted',
      'submission.review-started',
      'submission.submitted',
      'submission.edited',
      'submission.returned',
      'submission.review-edited',
      'submission.review-started',
      'submission.submitted',
    ]);
    expect(events.find((e) => e.action === 'submission.review-edited')).toMatchObject({
      actor: { kind: 'account', accountId: accounts.reviewerA.id },
      before: { awards: { '1.4a': null }, reviewTotal: 178 },
      after: { awards: { '1.4a': 6 }, reviewTotal: 174 },
    });
    expect(events.find((e) => e.action === 'submission.returned')).toMatchObject({ before: { status: 'in-review' }, after: { status: 'returned', comment } });
    expect(events.find((e) => e.action === 'submission.recognised')).toMatchObject({ after: { decision, levels: { overall: 3 }, points: { total: 174 } } });
  });
});

describe('public results', () => {
  it('refuses a malformed province id with 400 and answers 404 for an unknown one', async () => {
    const malformed = await call(anonymous, 'GET', '/public/Tinh_Sai/results?campaignId=abc');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).details[0]).toMatchObject({ path: 'params.tenantId' });
    expect((await call(anonymous, 'GET', '/public/khong-co-tinh-nay/results?campaignId=abc')).status).toBe(404);
    const noCampaign = await call(anonymous, 'GET', `/public/${province.tenantId}/results`);
    expect((await errorOf(noCampaign)).details[0]).toMatchObject({ path: 'query.campaignId' });
  });
});
