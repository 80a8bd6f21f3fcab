import { describe, expect, it } from 'vitest';
import { createStore } from '../../db/client.ts';
import { freePort } from '../../db/local.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';

describe('GET /api/health', () => {
  it('answers 200 when the database is reachable, without a token', async () => {
    const response = await createTestApp(await createTestStore()).request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'reachable' });
  });

  it('answers 503 quickly when the database endpoint is dead', async () => {
    // A port nothing listens on: connections are refused at once.
    const dead = createStore({ tableName: 'chiso', endpoint: `http://127.0.0.1:${await freePort()}` });
    const started = Date.now();
    const response = await createTestApp(dead).request('/api/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 503 when the table does not exist', async () => {
    const store = await createTestStore();
    const response = await createTestApp({ ...store, tableName: 'no-such-table' }).request('/api/health');
    expect(response.status).toBe(503);
  });
});
