import { national4725 } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { publishNational4725 } from '../campaigns/test-support.ts';
import { type Catalogue, CatalogueSchema } from './schemas.ts';
import { pdfBytes } from './test-files.ts';
import { attach, campaignWithA1, evidenceApp, readSubmission } from './test-support.ts';

let store: Store;
let province: TestProvince;
let version: { setKey: string; number: number };
let env: Awaited<ReturnType<typeof evidenceApp>>;

beforeAll(async () => {
  store = await createTestStore();
  province = await seedProvince(store, 'tinh-danh-muc');
  version = await publishNational4725(store, province.tenantId);
  env = await evidenceApp(store);
});

async function catalogue(path: string, headers = province.headers.editorA1): Promise<Catalogue> {
  const response = await env.call(headers, 'GET', `${path}/evidence`);
  expect(response.status).toBe(200);
  return CatalogueSchema.parse(await response.json());
}

const slotOf = (view: Catalogue, criterionId: string, slotId: string) => view.criteria.find((c) => c.criterionId === criterionId)?.slots.find((s) => s.id === slotId);

describe('the evidence catalogue (danh mục minh chứng)', () => {
  it('lists every criterion and slot in the definition’s order, with guidance, what is required and still missing', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const view = await catalogue(a1);
    const definition = national4725;
    expect(view.criteria.map((c) => c.criterionId)).toEqual(definition.groups.flatMap((g) => g.criteria.map((c) => c.id)));
    expect(view.criteria.find((c) => c.criterionId === '1.1')?.slots.map((s) => s.id)).toEqual(['plan', 'portal_link']);
    expect(slotOf(view, '1.1', 'plan')).toMatchObject({
      kind: 'document',
      label: { vi: 'Kế hoạch tổ chức dạy học trực tuyến' },
      guidance: { vi: expect.stringContaining('Văn bản kế hoạch') },
      required: true,
      missing: true,
      acceptsFiles: true,
      items: [],
    });
    expect(slotOf(view, '1.1', 'portal_link')).toMatchObject({ kind: 'link', required: false, missing: false, acceptsFiles: false });
    expect(view.counts).toMatchObject({ links: 0, files: 0, fileBytes: 0 });
    expect(view.counts.missingSlots).toBeGreaterThanOrEqual(4);
    expect(view.linkCheck).toBeNull();
  });

  it('shows links and files per criterion and slot, and a slot stops being missing once filled', async () => {
    const { a1 } = await campaignWithA1(env.call, province, version);
    const bytes = pdfBytes();
    const { item } = await attach(env.app, province.headers.editorA1, a1, { criterionId: '1.1', slotId: 'plan', name: 'ke-hoach.pdf', contentType: 'application/pdf', bytes });
    const { submission } = await readSubmission(env.call, province.headers.editorA1, a1);
    const links = [
      { kind: 'link', url: 'https://truong-hoa-sen.edu.vn/lms', label: 'Hệ thống LMS của trường' },
      { kind: 'link', url: 'https://truong-hoa-sen.edu.vn/hoc-lieu', label: 'Kho học liệu số' },
    ];
    const patched = await env.call(province.headers.editorA1, 'PATCH', a1, { version: submission.version, evidence: { '1.3': { links } } });
    expect(patched.status).toBe(200);

    // A reviewer of the district sees the same catalogue.
    const view = await catalogue(a1, province.headers.reviewerA);
    expect(slotOf(view, '1.1', 'plan')).toMatchObject({
      required: true,
      missing: false,
      items: [{ id: item.id, kind: 'file', name: 'ke-hoach.pdf', size: bytes.byteLength, downloadPath: expect.stringMatching(new RegExp(`/evidence/files/${item.id}$`)) }],
    });
    expect(slotOf(view, '1.1', 'plan')?.items[0]).not.toHaveProperty('storageKey');
    expect(slotOf(view, '1.3', 'links')?.items).toMatchObject([
      { kind: 'link', url: links[0]?.url, label: 'Hệ thống LMS của trường', lastCheck: null },
      { kind: 'link', url: links[1]?.url, lastCheck: null },
    ]);
    expect(view.counts).toMatchObject({ links: 2, files: 1, fileBytes: bytes.byteLength });
  });
});
