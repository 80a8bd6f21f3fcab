import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { webSite } from './web-site.ts';

const root = mkdtempSync(join(tmpdir(), 'chiso-site-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), `<!doctype html><html lang="vi"><title>Chỉ số</title>${'<!-- pad -->'.repeat(200)}</html>`);
const script = `export const app = ${JSON.stringify('x'.repeat(5000))};`;
writeFileSync(join(root, 'assets', 'index-AbC123.js'), script);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const api = (request: Request) =>
  new URL(request.url).pathname === '/api/health' ? Response.json({ status: 'ok', padding: 'y'.repeat(3000) }) : Response.json({ error: { code: 'route-not-found' } }, { status: 404 });
const gzip = { 'accept-encoding': 'gzip' };

describe('the site the Node entry serves', () => {
  const site = webSite(api, root);

  it('sends the hashed assets compressed and cacheable for a year, and index.html to be revalidated', async () => {
    const asset = await site.fetch(new Request('http://x/assets/index-AbC123.js', { headers: gzip }));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await asset.arrayBuffer());
    expect(bytes.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(bytes).toString('utf8')).toBe(script);

    const page = await site.fetch(new Request('http://x/campaigns/abc', { headers: gzip }));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(gunzipSync(new Uint8Array(await page.arrayBuffer())).toString('utf8')).toContain('<title>Chỉ số</title>');
  });

  it('passes /api to the API, compressed when the browser accepts it, and plain otherwise', async () => {
    const zipped = await site.fetch(new Request('http://x/api/health', { headers: gzip }));
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8'))).toMatchObject({ status: 'ok' });
    const plain = await site.fetch(new Request('http://x/api/health'));
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toMatchObject({ status: 'ok' });
    expect((await site.fetch(new Request('http://x/api/nothing'))).status).toBe(404);
  });

  it('leaves every path to the API when no web app is built', async () => {
    const bare = webSite(api, join(root, 'missing'));
    expect(bare.served).toBe(false);
    const answer = await bare.fetch(new Request('http://x/campaigns/abc'));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: { code: 'route-not-found' } });
  });
});
