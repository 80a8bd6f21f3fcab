import { validateDefinition } from '@chiso/criteria';
import { haiPhong4725, seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { bandsOf14, copy, criteriaClient, errorOf, type Headers, read, withBandChanged, withTitle } from './api-test-support.ts';
import { contentHash } from './content-hash.ts';
import { toProblemDetail } from './problems.ts';
import {
  BuiltInSetDetailSchema,
  CriteriaCatalogueSchema,
  CriteriaDiffSchema,
  CriteriaVersionDetailSchema,
  CriteriaVersionListSchema,
  ScoreResultSchema,
} from './responses.ts';
import { CriteriaVersionSchema } from './schemas.ts';

let app: ReturnType<typeof createTestApp>;
let api: ReturnType<typeof criteriaClient>;
let province: TestProvince;
let provinceB: TestProvince;
let admin: Headers;

beforeAll(async () => {
  const store = await createTestStore();
  app = createTestApp(store);
  api = criteriaClient(app);
  [province, provinceB] = await Promise.all([seedProvince(store, 'tinh-a'), seedProvince(store, 'tinh-b')]);
  admin = province.headers.provinceAdmin;
});

const call = (headers: Headers, method: string, path: string, body?: unknown) => api.call(headers, method, path, body);
const cloneDraft = (setKey: string) => api.cloneDraft(admin, setKey);
const getVersion = (headers: Headers, setKey: string, number: number) => api.getVersion(headers, setKey, number);

async function published(headers: Headers) {
  return (await read(await call(headers, 'GET', '/criteria-versions'), 200, CriteriaVersionListSchema)).items;
}

describe('criteria versions through the API', () => {
  it('lets a province admin clone 4725, edit and publish it; the version is listed as published at once and reads back as published', async () => {
    const draft = await cloneDraft('flow');
    expect(draft.version).toMatchObject({ setKey: 'flow', number: 1, status: 'draft', version: 1, problems: { errors: 0, warnings: 0 } });
    expect(draft.version.derivedFrom).toMatchObject({ setKey: '4725', version: '2022.1' });

    const catalogue = await read(await call(admin, 'GET', '/criteria-sets'), 200, CriteriaCatalogueSchema);
    expect(catalogue.sets.map((s) => [s.setKey, s.versions.map((v) => v.status)])).toContainEqual(['flow', ['draft']]);
    expect(catalogue.builtIn.map((s) => s.setKey)).toEqual(['4725', 'hp-4725']);

    const edited = await read(
      await call(admin, 'PUT', '/criteria-sets/flow/versions/1', { version: 1, definition: withBandChanged(draft.definition) }),
      200,
      CriteriaVersionDetailSchema,
    );
    expect(edited.version.version).toBe(2);
    expect(edited.problems).toEqual([]);
    expect((await published(admin)).map((v) => v.setKey)).not.toContain('flow');

    const publishedVersion = await read(await call(admin, 'POST', '/criteria-sets/flow/versions/1/publish', { version: 2 }), 200, CriteriaVersionSchema);
    expect(publishedVersion).toMatchObject({ status: 'published', version: 3, contentHash: edited.version.contentHash });
    expect(publishedVersion.publishedAt).not.toBeNull();

    // What a campaign may choose, with no restart in between; a school sees it too, as its form comes from it.
    expect((await published(admin)).find((v) => v.setKey === 'flow')).toEqual(publishedVersion);
    expect((await published(province.headers.headA1)).map((v) => `${v.setKey}@${v.number}`)).toContain('flow@1');

    const stored = await getVersion(province.headers.headA1, 'flow', 1);
    expect(stored.version).toEqual(publishedVersion);
    expect(stored.definition.status).toBe('published');
    expect(bandsOf14(stored.definition)).toEqual(bandsOf14(withBandChanged(draft.definition)));
    expect(contentHash(stored.definition)).toBe(publishedVersion.contentHash);
  });

  it('starts blank and imported drafts too, and answers where the new version is', async () => {
    const blank = await call(admin, 'POST', '/criteria-sets/drafts', { from: 'blank', setKey: 'mam-non', label: '2026.1', title: 'Bộ chỉ số mầm non (thử)' });
    expect(blank.headers.get('location')).toBe('/api/criteria-sets/mam-non/versions/1');
    expect((await read(blank, 201, CriteriaVersionDetailSchema)).problems.map((p) => p.code)).toEqual(['criterion.no-indicators']);

    const imported = await call(admin, 'POST', '/criteria-sets/drafts', { from: 'import', definition: { ...haiPhong4725, setKey: 'hp-import' } });
    expect(imported.headers.get('location')).toBe('/api/criteria-sets/hp-import/versions/1');
    expect((await read(imported, 201, CriteriaVersionDetailSchema)).version).toMatchObject({ setKey: 'hp-import', status: 'draft' });
  });

  it('reads a national set that every tenant may clone', async () => {
    const set = await read(await call(province.headers.headB1, 'GET', '/criteria-sets/built-in/hp-4725'), 200, BuiltInSetDetailSchema);
    expect(set).toMatchObject({ setKey: 'hp-4725', contentHash: contentHash(haiPhong4725) });
    expect(set.definition.groups).toEqual(haiPhong4725.groups);
    expect((await errorOf(await call(admin, 'GET', '/criteria-sets/built-in/khong-co'), 404)).code).toBe('not-found');
  });

  it('lets a school head read criteria but answers 403 to creating, editing, publishing and retiring', async () => {
    const draft = await cloneDraft('head-test');
    const head = province.headers.headA1;
    expect((await call(head, 'GET', '/criteria-sets')).status).toBe(200);
    expect((await getVersion(head, 'head-test', 1)).version.status).toBe('draft');

    const attempts = [
      call(head, 'POST', '/criteria-sets/drafts', { from: 'clone', source: { builtIn: '4725' }, setKey: 'by-head', label: 'x' }),
      call(head, 'PUT', '/criteria-sets/head-test/versions/1', { version: 1, definition: withTitle(draft.definition, 'Sửa trái phép') }),
      call(head, 'POST', '/criteria-sets/head-test/versions/1/publish', { version: 1 }),
      call(head, 'POST', '/criteria-sets/head-test/versions/1/retire', { version: 1 }),
    ];
    for (const response of await Promise.all(attempts)) expect((await errorOf(response, 403)).code).toBe('forbidden');
    // Managing criteria belongs to the Sở: a district office's admin may not either.
    expect((await call(province.headers.officeAdminA, 'POST', '/criteria-sets/head-test/versions/1/publish', { version: 1 })).status).toBe(403);
    expect((await getVersion(admin, 'head-test', 1)).version).toEqual(draft.version);
  });

  it("answers 404 to another province's admin for this province's versions, and keeps them out of its catalogue", async () => {
    await cloneDraft('private');
    const other = provinceB.headers.provinceAdmin;
    expect((await errorOf(await call(other, 'GET', '/criteria-sets/private/versions/1'), 404)).code).toBe('not-found');
    expect((await call(other, 'POST', '/criteria-sets/private/versions/1/publish', { version: 1 })).status).toBe(404);
    expect((await call(other, 'GET', '/criteria-diff?a=builtin:4725&b=private@1')).status).toBe(404);
    const catalogue = await read(await call(other, 'GET', '/criteria-sets'), 200, CriteriaCatalogueSchema);
    expect(catalogue.sets.map((s) => s.setKey)).not.toContain('private');
  });

  it('refuses a definition of the wrong shape with every problem and its path (400), and returns the lint problems of a saved draft', async () => {
    const draft = await cloneDraft('problems');
    const broken = { ...draft.definition, version: '', appliesTo: [], groups: 'none' };
    const error = await errorOf(await call(admin, 'PUT', '/criteria-sets/problems/versions/1', { version: 1, definition: broken }), 400);
    expect(error.code).toBe('validation-failed');
    expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['body.definition.version', 'body.definition.appliesTo', 'body.definition.groups']));
    expect(error.details.every((d) => d.message.length > 0 && d.messageEn.length > 0)).toBe(true);

    const linted = copy(draft.definition);
    const [first, second] = linted.groups[0]?.criteria ?? [];
    if (first === undefined || second === undefined || linted.groups[1] === undefined) throw new Error('4725 has two groups');
    second.id = first.id;
    linted.groups[1].max = 90;
    const saved = await read(await call(admin, 'PUT', '/criteria-sets/problems/versions/1', { version: 1, definition: linted }), 200, CriteriaVersionDetailSchema);
    expect(saved.problems).toEqual(validateDefinition(linted).map((p) => toProblemDetail(p)));
    expect(saved.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['duplicate.criterion', 'group.max-mismatch']));
    expect(saved.version.problems.errors).toBe(saved.problems.filter((p) => p.severity === 'error').length);

    // …and such a draft cannot be published: 409, every error listed with its path.
    const refused = await errorOf(await call(admin, 'POST', '/criteria-sets/problems/versions/1/publish', { version: 2 }), 409);
    expect(refused.code).toBe('not-publishable');
    expect(refused.details.map((d) => d.path)).toEqual(saved.problems.filter((p) => p.severity === 'error').map((p) => `definition.${p.path}`));
    expect((await getVersion(admin, 'problems', 1)).version.status).toBe('draft');
  });

  it('checks params, query and body before anything else, naming each bad field', async () => {
    const error = await errorOf(await call(admin, 'PUT', '/criteria-sets/Bad_Key/versions/abc', { definition: {} }), 400);
    expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['params.setKey', 'params.number', 'body.version']));
    const diff = await errorOf(await call(admin, 'GET', '/criteria-diff?a=4725&b=builtin:'), 400);
    expect(diff.details.map((d) => d.path)).toEqual(['query.a', 'query.b']);
    expect(diff.details[0]?.message).toContain('builtin:<mã>');
  });

  it('keeps a published version immutable: editing it answers 409 naming what is allowed, and its content stays', async () => {
    const draft = await cloneDraft('frozen');
    const done = await read(await call(admin, 'POST', '/criteria-sets/frozen/versions/1/publish', { version: 1 }), 200, CriteriaVersionSchema);
    const edit = await errorOf(await call(admin, 'PUT', '/criteria-sets/frozen/versions/1', { version: 2, definition: withBandChanged(draft.definition) }), 409);
    expect(edit).toMatchObject({ code: 'illegal-transition', currentVersion: 2 });
    expect(edit.details.map((d) => d.code)).toEqual(['allowed.retire']);
    expect((await errorOf(await call(admin, 'POST', '/criteria-sets/frozen/versions/1/publish', { version: 2 }), 409)).code).toBe('illegal-transition');
    const stored = await getVersion(admin, 'frozen', 1);
    expect(stored.version).toEqual(done);
    expect(bandsOf14(stored.definition)).toEqual(bandsOf14(draft.definition));
  });

  it('retires a published version: campaigns no longer see it, and a stale or second retire is refused', async () => {
    await cloneDraft('old');
    await read(await call(admin, 'POST', '/criteria-sets/old/versions/1/publish', { version: 1 }), 200, CriteriaVersionSchema);
    expect(await errorOf(await call(admin, 'POST', '/criteria-sets/old/versions/1/retire', { version: 1 }), 409)).toMatchObject({ code: 'conflict', currentVersion: 2 });
    const retired = await read(await call(admin, 'POST', '/criteria-sets/old/versions/1/retire', { version: 2 }), 200, CriteriaVersionSchema);
    expect(retired).toMatchObject({ status: 'retired', version: 3 });
    expect(retired.retiredAt).not.toBeNull();
    expect((await published(admin)).map((v) => v.setKey)).not.toContain('old');
    const listed = await read(await call(admin, 'GET', '/criteria-versions?status=retired'), 200, CriteriaVersionListSchema);
    expect(listed.items.map((v) => v.setKey)).toContain('old');
    expect((await errorOf(await call(admin, 'POST', '/criteria-sets/old/versions/1/retire', { version: 3 }), 409)).code).toBe('illegal-transition');
  });

  it('diffs a version against the national set it came from', async () => {
    const draft = await cloneDraft('diff');
    await read(await call(admin, 'PUT', '/criteria-sets/diff/versions/1', { version: 1, definition: withBandChanged(draft.definition) }), 200, CriteriaVersionDetailSchema);
    const diff = await read(await call(province.headers.reviewerA, 'GET', '/criteria-diff?a=builtin:4725&b=diff@1'), 200, CriteriaDiffSchema);
    expect(diff.identical).toBe(false);
    expect(diff.entries.filter((e) => e.item === 'criterion').map((e) => [e.change, e.id])).toEqual([['changed', '1.4']]);
    const same = await read(await call(admin, 'GET', '/criteria-diff?a=diff@1&b=diff@1'), 200, CriteriaDiffSchema);
    expect(same).toEqual({ identical: true, entries: [] });
    expect((await call(admin, 'GET', '/criteria-diff?a=diff@1&b=diff@9')).status).toBe(404);
  });

  it("scores seed 003's answers against a clone of 4725 as the report does (84 and 94, level 3) and saves nothing", async () => {
    await cloneDraft('score');
    const { answers, awards, evidence } = seed003Example;
    const result = await read(await call(admin, 'POST', '/criteria-sets/score/versions/1/score', { answers, awards, evidence }), 200, ScoreResultSchema);
    expect(result.groups.map((g) => [g.id, g.points, g.level])).toEqual([
      ['1', 84, 3],
      ['2', 94, 3],
    ]);
    expect(result.overallLevel).toBe(3);
    expect(result.complete).toBe(true);
    expect((await getVersion(admin, 'score', 1)).version.version).toBe(1);
    const history = await read(await call(adminHeaders, 'GET', '/tenants/tinh-a/audit-events?entityType=criteria-version&entityId=score@0001'), 200, AuditEventPageSchema);
    expect(history.items.map((e) => e.action)).toEqual(['criteria-version.created']);
  });

  it('accepts a definition as large as Hải Phòng’s, pretty-printed, well within the 1 MB body limit; a larger body is a 413', async () => {
    const body = JSON.stringify({ from: 'import', definition: { ...haiPhong4725, setKey: 'hp-large' } }, null, 2);
    expect(body.length).toBeLessThan(200_000);
    expect((await app.request('/api/criteria-sets/drafts', { method: 'POST', headers: admin, body })).status).toBe(201);
    const huge = JSON.stringify({ from: 'import', definition: { ...haiPhong4725, description: { vi: 'x'.repeat(1_100_000) } } });
    expect((await errorOf(await app.request('/api/criteria-sets/drafts', { method: 'POST', headers: admin, body: huge }), 413)).code).toBe('payload-too-large');
  });
});

describe('the criteria routes in /api/openapi.json', () => {
  it('lists every criteria route with its operationId and the account security', async () => {
    const OperationSchema = z.object({ operationId: z.string(), security: z.unknown() });
    const document = z.object({ paths: z.record(z.string(), z.record(z.string(), OperationSchema)) }).parse(await (await app.request('/api/openapi.json')).json());
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.operationId, op.security]),
    );
    const account = [{ account: [] }];
    expect(operations).toEqual(
      expect.arrayContaining([
        ['GET /api/criteria-sets', 'listCriteriaSets', account],
        ['GET /api/criteria-sets/built-in/{setKey}', 'getBuiltInCriteriaSet', account],
        ['GET /api/criteria-versions', 'listCriteriaVersions', account],
        ['POST /api/criteria-sets/drafts', 'createCriteriaDraft', account],
        ['GET /api/criteria-sets/{setKey}/versions/{number}', 'getCriteriaVersion', account],
        ['PUT /api/criteria-sets/{setKey}/versions/{number}', 'updateCriteriaDraft', account],
        ['POST /api/criteria-sets/{setKey}/versions/{number}/publish', 'publishCriteriaVersion', account],
        ['POST /api/criteria-sets/{setKey}/versions/{number}/retire', 'retireCriteriaVersion', account],
        ['GET /api/criteria-diff', 'diffCriteriaVersions', account],
        ['POST /api/criteria-sets/{setKey}/versions/{number}/score', 'scoreCriteriaSample', account],
      ]),
    );
  });
});
