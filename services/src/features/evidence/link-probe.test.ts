import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeLink } from './link-probe.ts';
import { startLinkSite } from './link-server.ts';

let site: Awaited<ReturnType<typeof startLinkSite>>;
const options = { timeoutMs: 400, maxRedirects: 5, allowPrivateTargets: true };

beforeAll(async () => {
  site = await startLinkSite();
});
afterAll(() => site.close());

describe('probing one link (against a local site only)', () => {
  it('reports a page that answers as ok, from a HEAD alone, with no body sent', async () => {
    const before = site.hits.length;
    expect(await probeLink(`${site.base}/ok`, options)).toMatchObject({ outcome: 'ok', status: 200, redirects: 0, reason: null });
    expect(site.hits.slice(before)).toEqual([{ method: 'HEAD', path: '/ok', bodyBytes: 0 }]);
  });

  it('falls back to GET when HEAD is refused', async () => {
    const before = site.hits.length;
    expect(await probeLink(`${site.base}/no-head`, options)).toMatchObject({ outcome: 'ok', status: 200 });
    expect(site.hits.slice(before).map((hit) => hit.method)).toEqual(['HEAD', 'GET']);
  });

  it('reports error statuses after trying GET too', async () => {
    expect(await probeLink(`${site.base}/missing`, options)).toMatchObject({ outcome: 'error-status', status: 404, reason: '404' });
    expect(await probeLink(`${site.base}/broken`, options)).toMatchObject({ outcome: 'error-status', status: 500 });
  });

  it('follows up to five redirects and no more', async () => {
    expect(await probeLink(`${site.base}/redirect/5`, options)).toMatchObject({ outcome: 'ok', status: 200, redirects: 5, finalUrl: `${site.base}/ok` });
    expect(await probeLink(`${site.base}/redirect/6`, options)).toMatchObject({ outcome: 'unreachable', reason: 'too-many-redirects', redirects: 5 });
    expect(await probeLink(`${site.base}/loop`, options)).toMatchObject({ outcome: 'unreachable', reason: 'too-many-redirects' });
  });

  it('gives up on a page that never answers at the timeout', async () => {
    const result = await probeLink(`${site.base}/hang`, options);
    expect(result).toMatchObject({ outcome: 'timeout', status: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(380);
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it('reports a closed port as unreachable', async () => {
    expect(await probeLink('http://127.0.0.1:9/', options)).toMatchObject({ outcome: 'unreachable', reason: 'ECONNREFUSED' });
  });

  it('refuses loopback and private targets unless allowed, by literal address or by name, and any scheme but http(s)', async () => {
    const production = { ...options, allowPrivateTargets: false };
    const before = site.hits.length;
    expect(await probeLink(`${site.base}/ok`, production)).toMatchObject({ outcome: 'blocked', reason: 'private-address' });
    expect(await probeLink('http://[::1]:9/', production)).toMatchObject({ outcome: 'blocked', reason: 'private-address' });
    const port = new URL(site.base).port;
    const resolvesToLoopback = { ...production, resolver: async () => [{ address: '127.0.0.1', family: 4 }] };
    expect(await probeLink(`http://truong-thu.edu.vn:${port}/ok`, resolvesToLoopback)).toMatchObject({ outcome: 'blocked', reason: 'private-address' });
    expect(await probeLink('ftp://truong-thu.edu.vn/ke-hoach.pdf', options)).toMatchObject({ outcome: 'blocked', reason: 'protocol' });
    // None of them reached the site.
    expect(site.hits.length).toBe(before);
  });

  it('connects to the very address its guarded lookup vetted (no second resolution to rebind)', async () => {
    const port = new URL(site.base).port;
    const allowed = { ...options, resolver: async () => [{ address: '127.0.0.1', family: 4 }] };
    expect(await probeLink(`http://truong-thu.edu.vn:${port}/ok`, allowed)).toMatchObject({ outcome: 'ok', status: 200 });
  });
});
