import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { errorOf, publishNational4725 } from '../campaigns/test-support.ts';
import { startLinkSite } from './link-server.ts';
import { CatalogueSchema, type LinkReport, LinkReportSchema } from './schemas.ts';
import { campaignWithA1, evidenceApp, readSubmission } from './test-support.ts';

let store: Store;
let province: TestProvince;
let version: { setKey: string; number: number };
let site: Awaited<ReturnType<typeof startLinkSite>>;
let env: Awaited<ReturnType<typeof evidenceApp>>;

// Short timings keep the run quick; the hanging page must still outlast the timeout.
const settings = { allowPrivateTargets: true, timeoutMs: 500, concurrency: 4, cooldownMs: 60_000 };

beforeAll(async () => {
  store = await createTestStore();
  province = await seedProvince(store, 'tinh-kiem-tra-link');
  version = await publishNational4725(store, province.tenantId);
  site = await startLinkSite();
  env = await evidenceApp(store, settings);
});
afterAll(() => site.close());

/** A fresh submission of A1 whose evidence holds links to `paths` of the local site (1.3, then 2.3 for a duplicate). */
async function submissionWithLinks(paths: string[], duplicate?: string) {
  const { a1 } = await campaignWithA1(env.call, province, version);
  const { submission } = await readSubmission(env.call, province.headers.editorA1, a1);
  const links = paths.map((path, i) => ({ kind: 'link', url: `${site.base}${path}`, label: `Minh chứng ${i + 1}` }));
  const evidence: Record<string, Record<string, unknown[]>> = { '1.3': { links } };
  if (duplicate !== undefined) evidence['2.3'] = { links: [{ kind: 'link', url: `${site.base}${duplicate}`, label: 'Cùng địa chỉ' }] };
  const patched = await env.call(province.headers.editorA1, 'PATCH', a1, { version: submission.version, evidence });
  if (patched.status !== 200) throw new Error(`PATCH ${patched.status}: ${await patched.text()}`);
  return a1;
}

async function check(path: string, headers = province.headers.editorA1, app = env): Promise<LinkReport> {
  const response = await app.call(headers, 'POST', `${path}/evidence/check-links`);
  if (response.status !== 200) throw new Error(`check-links ${response.status}: ${await response.text()}`);
  return LinkReportSchema.parse(await response.json());
}

describe('the link checker (against a local site on 127.0.0.1 only)', () => {
  it('reports each link as ok, error status, unreachable or timeout, with when it was checked, and keeps the report', async () => {
    const a1 = await submissionWithLinks(['/ok', '/missing', '/broken', '/hang', '/redirect/3', '/redirect/7'], '/ok');
    const hitsBefore = site.hits.length;
    const started = Date.now();
    const report = await check(a1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.links.map((link) => [link.criterionId, new URL(link.url).pathname, link.outcome, link.status])).toEqual([
      ['1.3', '/ok', 'ok', 200],
      ['1.3', '/missing', 'error-status', 404],
      ['1.3', '/broken', 'error-status', 500],
      ['1.3', '/hang', 'timeout', null],
      ['1.3', '/redirect/3', 'ok', 200],
      ['1.3', '/redirect/7', 'unreachable', 302],
      ['2.3', '/ok', 'ok', 200],
    ]);
    expect(report.links[4]).toMatchObject({ redirects: 3, finalUrl: `${site.base}/ok` });
    expect(report.links[5]).toMatchObject({ reason: 'too-many-redirects', message: 'Chuyển hướng quá 5 lần' });
    expect(report.links[1]).toMatchObject({ message: 'Trang trả về lỗi 404', messageEn: 'The page answered with error 404' });
    expect(report).toMatchObject({ complete: true, checkedBy: province.accounts.editorA1.id, counts: { ok: 3, 'error-status': 2, timeout: 1, unreachable: 1, blocked: 0, 'not-checked': 0 } });
    for (const link of report.links) expect(Date.parse(link.checkedAt)).toBeGreaterThanOrEqual(started - 1);
    // The same address attached twice is requested once (and once more at the end of the 3-redirect chain); no request carried a body.
    const hits = site.hits.slice(hitsBefore);
    expect(hits.filter((hit) => hit.path === '/ok' && hit.method === 'HEAD')).toHaveLength(2);
    expect(hits.every((hit) => hit.bodyBytes === 0 && (hit.method === 'HEAD' || hit.method === 'GET'))).toBe(true);

    // Stored as the submission's last report: the catalogue shows it beside each link.
    const catalogue = CatalogueSchema.parse(await (await env.call(province.headers.reviewerA, 'GET', `${a1}/evidence`)).json());
    expect(catalogue.linkCheck).toEqual({ checkedAt: report.checkedAt, checkedBy: province.accounts.editorA1.id, complete: true });
    const slot = catalogue.criteria.find((c) => c.criterionId === '1.3')?.slots.find((s) => s.id === 'links');
    expect(slot?.items.map((item) => (item.kind === 'link' ? item.lastCheck?.outcome : null))).toEqual(['ok', 'error-status', 'error-status', 'timeout', 'ok', 'unreachable']);
  });

  it('does not change the submission: no new version, no audit event', async () => {
    const a1 = await submissionWithLinks(['/ok']);
    const events = async () => AuditEventPageSchema.parse(await (await env.call(province.headers.provinceAdmin, 'GET', `${a1}/history?limit=100`)).json()).items.length;
    const before = { view: await readSubmission(env.call, province.headers.editorA1, a1), events: await events() };
    await check(a1, province.headers.reviewerA);
    expect((await readSubmission(env.call, province.headers.editorA1, a1)).submission.version).toBe(before.view.submission.version);
    expect(await events()).toBe(before.events);
  });

  it('refuses another run of the same submission right after one (429 with Retry-After)', async () => {
    const a1 = await submissionWithLinks(['/ok']);
    await check(a1);
    const again = await env.call(province.headers.editorA1, 'POST', `${a1}/evidence/check-links`);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(again)).toMatchObject({ code: 'link-check-too-soon' });
  });

  it('is open to readers of the submission only: another school gets 404', async () => {
    const a1 = await submissionWithLinks(['/ok']);
    expect((await env.call(province.headers.headB1, 'POST', `${a1}/evidence/check-links`)).status).toBe(404);
    expect((await env.call(province.headers.reviewerB, 'POST', `${a1}/evidence/check-links`)).status).toBe(404);
    expect((await check(a1, province.headers.reviewerA)).counts.ok).toBe(1);
  });

  it('in production settings, reports loopback and private targets as blocked without contacting them', async () => {
    const production = await evidenceApp(store, { allowPrivateTargets: false, timeoutMs: 500 });
    const a1 = await submissionWithLinks(['/ok', '/missing']);
    const hitsBefore = site.hits.length;
    const report = await check(a1, province.headers.editorA1, production);
    expect(report.links.map((link) => [link.outcome, link.reason])).toEqual([
      ['blocked', 'private-address'],
      ['blocked', 'private-address'],
    ]);
    expect(site.hits.length).toBe(hitsBefore);
  });

  it('marks links it had no time to start as not checked, and the report as incomplete', async () => {
    const hurried = await evidenceApp(store, { ...settings, startWithinMs: 0 });
    const a1 = await submissionWithLinks(['/ok', '/missing']);
    const report = await check(a1, province.headers.editorA1, hurried);
    expect(report).toMatchObject({ complete: false, counts: { 'not-checked': 2 } });
    expect(report.links[0]).toMatchObject({ outcome: 'not-checked', status: null, message: expect.stringContaining('Chưa kiểm tra') });
  });
});
