import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import packageJson from '../package.json' with { type: 'json' };
import type { AppDeps, AppEnv } from './http/app-env.ts';
import { handleError, handleNotFound } from './http/error-handler.ts';
import { HttpError } from './http/errors.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import type { Route } from './http/route.ts';
import { OBJECTS_URL_PREFIX } from './features/evidence/limits.ts';
import { UPLOAD_PATH } from './features/unit-imports/limits.ts';
import { apiRoutes } from './routes.ts';

// A criteria-set definition is the largest body we expect (about 100 KB); Lambda caps requests at 6 MB.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The one Hono app of the API, for every runtime: server.ts serves it on Node, lambda.ts on AWS
 * Lambda, tests call `app.request()`. `routes` is for tests that need extra routes.
 * @example const app = createApp({ store, systemAdminToken }); await app.request('/api/health')
 */
export function createApp(deps: AppDeps, routes: readonly Route[] = apiRoutes): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
    // Answers carry tenant data and change with every write: no cache may keep them.
    c.header('Cache-Control', 'no-store');
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, 'payload-too-large', 'Nội dung gửi lên quá lớn (tối đa 1 MB)', 'The body is too large (1 MB at most)');
    },
  });
  // The unit-list upload and evidence files (embedded mode) are larger; their routes enforce their own limits while reading.
  const ownLimit = (method: string, path: string) => (method === 'POST' && path === UPLOAD_PATH) || (method === 'PUT' && path.startsWith(OBJECTS_URL_PREFIX));
  app.use('/api/*', (c, next) => (ownLimit(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));

  const api = new Hono<AppEnv>();
  for (const route of routes) api.on(route.spec.method.toUpperCase(), route.spec.path, (c) => route.handle(c));
  const openApi = buildOpenApiDocument(routes, {
    title: 'Chỉ số API',
    version: packageJson.version,
    description: 'Đánh giá mức độ chuyển đổi số của cơ sở giáo dục / Assessing the digital transformation of schools.',
  });
  api.get('/openapi.json', (c) => c.json(openApi, 200));
  app.route('/api', api);

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
