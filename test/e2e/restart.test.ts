import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningProduct, freePort, startProduct } from '../support/product.ts';

const ADMIN_TOKEN = 'restart-test-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'chiso-restart-'));
const started: RunningProduct[] = [];

afterAll(async () => {
  for (const product of started) if (product.process.exitCode === null && product.process.signalCode === null) await product.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(ports: { port: number; dynamoPort: number }): Promise<RunningProduct> {
  const product = await startProduct({ dataDir, ...ports, env: { SYSTEM_ADMIN_TOKEN: ADMIN_TOKEN, DEMO: 'off' } });
  started.push(product);
  return product;
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe('the start command keeps the data', () => {
  it('finds every acknowledged write after a kill -9, and stops everything it started on Ctrl-C', { timeout: 240_000 }, async () => {
    const ports = { port: await freePort(), dynamoPort: await freePort() };
    const first = await start(ports);
    const created = await fetch(`${first.baseUrl}/api/tenants`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ id: 'tinh-ben-lai', name: 'Sở Giáo dục và Đào tạo Bến Lai', provinceName: 'Tỉnh Bến Lai' }),
    });
    expect(created.status).toBe(201);
    const renamed = await fetch(`${first.baseUrl}/api/tenants/tinh-ben-lai`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ version: 1, provinceName: 'Tỉnh Bến Lai Mới' }),
    });
    expect(renamed.status).toBe(200);

    // No handler runs: the server dies mid-flight and its DynamoDB Local is orphaned.
    await first.kill();
    const second = await start(ports);
    const read = await fetch(`${second.baseUrl}/api/tenants/tinh-ben-lai`, { headers: admin });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ provinceName: 'Tỉnh Bến Lai Mới', version: 2 });

    expect(await second.stop()).toBe(0);
    expect(second.output()).toMatch(/stopping/);
    // DynamoDB Local went with it: its pid file is removed once it has exited.
    expect(existsSync(join(dataDir, 'dynamodb', 'dynamodb-local.pid'))).toBe(false);

    const third = await start(ports);
    const again = await fetch(`${third.baseUrl}/api/tenants/tinh-ben-lai`, { headers: admin });
    expect(await again.json()).toMatchObject({ provinceName: 'Tỉnh Bến Lai Mới', version: 2 });
    expect(await third.stop()).toBe(0);
  });
});
