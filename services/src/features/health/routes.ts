import * as z from 'zod';
import { isDatabaseReachable } from '../../db/ping.ts';
import { publicAccess } from '../../http/access.ts';
import { defineRoute } from '../../http/route.ts';

const HealthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['reachable', 'unreachable']) })
  .meta({ id: 'Health' });

export const healthRoute = defineRoute(
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Tình trạng dịch vụ / Health',
    tags: ['Health'],
    access: publicAccess,
    request: {},
    responses: {
      200: { description: 'Cơ sở dữ liệu trả lời / The database answers', schema: HealthSchema },
      503: { description: 'Không kết nối được cơ sở dữ liệu / The database is unreachable', schema: HealthSchema },
    },
  },
  async (_input, c) =>
    (await isDatabaseReachable(c.var.deps.store))
      ? c.json({ status: 'ok', database: 'reachable' } as const, 200)
      : c.json({ status: 'unavailable', database: 'unreachable' } as const, 503),
);
