import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { type FakeNode, fakeDocument } from './fake-dom.ts';

const OpenApiSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ operationId: z.string(), summary: z.string(), security: z.array(z.unknown()) }))),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

let app: ReturnType<typeof createTestApp>;
let html: string;
let response: Response;
let openApi: unknown;
beforeAll(async () => {
  app = createTestApp(await createTestStore());
  response = await app.request('/api/docs');
  html = await response.text();
  openApi = await (await app.request('/api/openapi.json')).json();
});

function inline(tag: 'script' | 'style'): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*)</${tag}>`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no <${tag}> in the page`);
  return match[1];
}

/** Runs the page's script against a fake document whose fetch answers `answer`. */
async function renderPage(answer: () => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>) {
  const document = fakeDocument(['title', 'description', 'toc', 'status', 'content', 'filter']);
  document.element('status').textContent = 'Đang tải… / Loading…';
  const fetched: string[] = [];
  const fetch = (url: string) => {
    fetched.push(url);
    return answer();
  };
  runInNewContext(inline('script'), { document, fetch });
  await vi.waitFor(() => expect(document.element('status').textContent).not.toMatch(/^Đang tải/));
  return { document, fetched };
}

const operationSections = (content: FakeNode) => [...content.descendants()].filter((node) => node.tagName === 'section' && node.getAttribute('class') === 'op' && node.getAttribute('id')?.startsWith('op-'));

describe('GET /api/docs', () => {
  it('answers a self-contained HTML page in Vietnamese that loads nothing from another site', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).not.toMatch(/(?:src|href)="(?!#|openapi\.json")/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('allows by its Content-Security-Policy exactly its own inline script and style', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src ${hash(inline('script'))}`);
    expect(policy).toContain(`style-src ${hash(inline('style'))}`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('renders every operation of /api/openapi.json with its Vietnamese summary first, and every named schema', async () => {
    const { document, fetched } = await renderPage(async () => ({ ok: true, status: 200, json: async () => openApi }));
    expect(fetched).toEqual(['openapi.json']);
    const doc = OpenApiSchema.parse(openApi);
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(document.element('status').textContent).toBe(`${operations.length}/${operations.length} thao tác / operations`);

    const content = document.element('content');
    const sections = operationSections(content);
    expect(sections.map((s) => s.getAttribute('id'))).toEqual(operations.map((op) => `op-${op.operationId}`));
    const publish = sections.find((s) => s.getAttribute('id') === 'op-publishCriteriaVersion');
    expect(publish?.textContent).toMatch(/^POST \/api\/criteria-sets\/\{setKey\}\/versions\/\{number\}\/publishBan hành phiên bản Publish a version/);
    const english = [...(publish?.descendants() ?? [])].find((n) => n.getAttribute('lang') === 'en');
    expect(english?.textContent).toBe('Publish a version');
    expect(publish?.textContent).toContain('Cần xác thực / Requires: account');
    expect(publish?.textContent).toContain('Tham số / Parameters');

    const text = content.textContent;
    for (const name of Object.keys(doc.components.schemas)) expect(text).toContain(name);
    const detail = [...content.descendants()].find((n) => n.getAttribute('id') === 'schema-CriteriaVersionDetail');
    expect(detail?.textContent).toContain('versionbắt buộc / required');
    expect(document.element('toc').textContent).toContain('POST /api/criteria-sets/drafts');
    expect(document.title).toBe('Chỉ số API: tài liệu / documentation');
  });

  it('filters the operations as one types', async () => {
    const { document } = await renderPage(async () => ({ ok: true, status: 200, json: async () => openApi }));
    const filter = document.element('filter');
    filter.value = 'POST  publishCriteriaVersion';
    filter.dispatch('input');
    const visible = operationSections(document.element('content')).filter((s) => !s.hidden);
    expect(visible.map((s) => s.getAttribute('id'))).toEqual(['op-publishCriteriaVersion']);
    expect(document.element('status').textContent).toMatch(/^1\/\d+ thao tác/);
    expect(document.element('content').visibleText).not.toContain('Tạo Sở GDĐT');
    filter.value = '';
    filter.dispatch('input');
    expect(operationSections(document.element('content')).every((s) => !s.hidden)).toBe(true);
  });

  it('says so, in both languages, when openapi.json cannot be loaded', async () => {
    const { document } = await renderPage(async () => ({ ok: false, status: 503, json: async () => ({}) }));
    expect(document.element('status').textContent).toBe('Không tải được openapi.json / Could not load openapi.json: HTTP 503');
    expect(document.element('status').getAttribute('class')).toBe('error');
  });

  it('is itself listed in /api/openapi.json as a public route', () => {
    const doc = OpenApiSchema.parse(openApi);
    expect(doc.paths['/api/docs']?.get).toMatchObject({ operationId: 'getApiDocs', security: [] });
  });
});
