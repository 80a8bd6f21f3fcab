import { type Server, createServer } from 'node:http';

/** A request the test site received. */
export interface SiteHit {
  method: string;
  path: string;
  bodyBytes: number;
}

/**
 * A small web site on 127.0.0.1 for link-check tests (never the internet): `/ok` 200, `/missing` 404,
 * `/broken` 500, `/hang` never answers, `/redirect/<n>` a chain of n redirects ending at `/ok`, `/loop`
 * redirects to itself, `/no-head` refuses HEAD (405) and answers GET.
 */
export async function startLinkSite(): Promise<{ base: string; hits: SiteHit[]; close(): Promise<void> }> {
  const hits: SiteHit[] = [];
  const server: Server = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.byteLength;
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      hits.push({ method: req.method ?? '', path, bodyBytes });
      const chain = /^\/redirect\/(\d+)$/.exec(path);
      if (path === '/ok') res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Kế hoạch</h1>');
      else if (path === '/missing') res.writeHead(404).end('not found');
      else if (path === '/broken') res.writeHead(500).end('error');
      else if (path === '/hang') return;
      else if (chain) res.writeHead(302, { location: Number(chain[1]) <= 1 ? '/ok' : `/redirect/${Number(chain[1]) - 1}` }).end();
      else if (path === '/loop') res.writeHead(301, { location: '/loop' }).end();
      else if (path === '/no-head') res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server listens on no port');
  const { port } = address;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
