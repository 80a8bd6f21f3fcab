import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';

export type Fetch = (request: Request) => Response | Promise<Response>;

// Vite names every built asset by its content hash: a changed file is a new address, so browsers may keep
// one for a year; index.html, which names them, must be revalidated on every load.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The site the Node entry serves: the API at /api and the built web app (`root`) from the same origin —
 * its files at `/`, and index.html for any other path, since the app routes in the browser. Responses
 * are compressed (gzip or deflate, as the browser accepts) — a phone on a slow connection waits for
 * bytes far more than for anything else. On AWS the web app has its own hosting (CloudFront compresses
 * and caches) and the Lambda stays API-only, so only the Node entry uses this.
 */
export function webSite(api: Fetch, root: string): { fetch: Fetch; served: boolean } {
  const served = existsSync(join(root, 'index.html'));
  const site = new Hono();
  site.use('*', compress());
  site.all('/api', (c) => api(c.req.raw));
  site.all('/api/*', (c) => api(c.req.raw));
  if (!served) {
    // No web app built: everything is the API's, which answers unknown paths with its own 404.
    site.all('*', (c) => api(c.req.raw));
    return { fetch: (request) => site.fetch(request), served };
  }
  site.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/assets/') && c.res.status === 200) c.header('Cache-Control', IMMUTABLE);
    else if (c.res.headers.get('content-type')?.startsWith('text/html') === true) c.header('Cache-Control', REVALIDATE);
  });
  site.use('*', serveStatic({ root }));
  site.get('*', serveStatic({ root, path: 'index.html' }));
  return { fetch: (request) => site.fetch(request), served };
}
