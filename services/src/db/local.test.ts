import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tenantRepository } from '../features/tenants/repository.ts';
import { adminContext } from '../testing/test-app.ts';
import { createStore } from './client.ts';
import { ensureTable } from './ensure-table.ts';
import { type DynamoLocal, freePort, isPortFree, startDynamoLocal } from './local.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'chiso-dynamodb-'));
const running: DynamoLocal[] = [];
afterAll(async () => {
  await Promise.all(running.map((local) => local.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<DynamoLocal> {
  const local = await startDynamoLocal({ port: await freePort(), dataDir });
  running.push(local);
  return local;
}

describe('DynamoDB Local on disk', () => {
  it('keeps the data across a restart on the same directory', { timeout: 60_000 }, async () => {
    const ctx = adminContext('ben-lai');
    const first = await start();
    const before = createStore({ tableName: 'chiso', endpoint: first.endpoint });
    await ensureTable(before);
    await tenantRepository(before).insert(ctx, { name: 'Sở Giáo dục và Đào tạo Bến Lai', provinceName: 'Tỉnh Bến Lai' });
    await first.stop();
    expect(await isPortFree(first.port)).toBe(true);

    const second = await start();
    const after = createStore({ tableName: 'chiso', endpoint: second.endpoint });
    expect(await ensureTable(after)).toBe('ready');
    expect(await tenantRepository(after).get(ctx)).toMatchObject({ name: 'Sở Giáo dục và Đào tạo Bến Lai', version: 1 });
  });

  it('refuses a relative data directory, which the jar would resolve inside node_modules', async () => {
    await expect(startDynamoLocal({ port: await freePort(), dataDir: 'relative/dir' })).rejects.toThrow(/absolute/);
  });

  it('refuses a busy port instead of letting whatever listens there answer for it', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const address = squatter.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await expect(startDynamoLocal({ port })).rejects.toThrow(/busy/);
    } finally {
      squatter.close();
    }
  });
});
