import { publicAccess } from '../../http/access.ts';
import { defineRoute } from '../../http/route.ts';
import { DOCS_PAGE } from './page.ts';

export const docsRoute = defineRoute(
  {
    method: 'get',
    path: '/docs',
    operationId: 'getApiDocs',
    summary: 'Tài liệu API dễ đọc / Readable API documentation',
    description: 'Trang HTML trình bày openapi.json, không cần Internet. / An HTML page that presents openapi.json, with no internet needed.',
    tags: ['Docs'],
    access: publicAccess,
    request: {},
    responses: { 200: { description: 'Trang HTML / An HTML page' } },
  },
  (_input, c) => {
    c.header('Content-Security-Policy', DOCS_PAGE.contentSecurityPolicy);
    return c.html(DOCS_PAGE.html, 200);
  },
);
