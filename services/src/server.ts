import { join, relative } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { hashPassword } from './auth/password.ts';
import { SystemAdmin } from './auth/system-admin.ts';
import { devSecretPath, withDevSecrets } from './config/dev-secrets.ts';
import { type Config, ConfigError, loadConfig } from './config/env.ts';
import { type Store, createStore } from './db/client.ts';
import { ensureTable } from './db/ensure-table.ts';
import { type DynamoLocal, startDynamoLocal } from './db/local.ts';
import { demoLoginLines, seedDemo } from './demo/seed-demo.ts';
import { evidenceStorageFor } from './features/evidence/storage.ts';
import { LocalDiskStorage } from './storage/local-disk.ts';
import { schedulePendingSweeps } from './storage/pending-sweep.ts';
import { webSite } from './web-site.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The Node entry (`npm start -w @chiso/services`): starts DynamoDB Local with its data under DATA_DIR
 * (unless DYNAMODB_ENDPOINT points elsewhere, or in prod), makes sure the table is there, serves the
 * app on PORT, and on SIGINT/SIGTERM stops both.
 */
async function main(): Promise<void> {
  const config = readConfig();
  // In prod without an endpoint the SDK talks to AWS itself, and the CDK stack owns the table.
  const embedded = config.dynamodbEndpoint === null && config.stage !== 'prod';
  let local: DynamoLocal | null = null;
  if (embedded) {
    const dataDir = join(config.dataDir, 'dynamodb');
    local = await startDynamoLocal({ port: config.dynamodbLocalPort, dataDir });
    console.log(`DynamoDB Local: ${local.endpoint} (dữ liệu / data: ${dataDir})`);
  }
  const store = createStore({ tableName: config.tableName, endpoint: local?.endpoint ?? config.dynamodbEndpoint });
  if (config.dynamodbEndpoint !== null || embedded) console.log(`Bảng / table ${config.tableName}: ${await ensureTable(store)}`);

  const demo = config.demo ? await loadDemo(config, store) : false;

  const evidenceStorage = evidenceStorageFor(config);
  const app = createApp({
    store,
    systemAdminToken: config.systemAdminToken,
    authenticator: createAuthenticator(config, store),
    jwtSecret: config.jwtSecret,
    evidenceStorage,
    linkCheck: { allowPrivateTargets: config.linkCheckAllowPrivate },
  });
  // Uploads never attached go after the retention; on S3 the bucket's lifecycle rule does this instead.
  const sweeps =
    evidenceStorage instanceof LocalDiskStorage
      ? schedulePendingSweeps(evidenceStorage, { retentionMs: config.evidencePendingRetentionHours * HOUR_MS, intervalMs: HOUR_MS })
      : null;
  const site = webSite(app.fetch, config.webDist);
  const server = serve({ fetch: site.fetch, port: config.port, hostname: config.host }, ({ port }) => {
    console.log(`Chỉ số API: http://${config.host}:${port}/api  (OpenAPI: /api/openapi.json)`);
    console.log(site.served ? `Ứng dụng web / web app: http://${config.host}:${port}/` : 'Chưa build ứng dụng web / web app not built (npm run build -w @chiso/web)');
    if (config.stage === 'dev') {
      const tokenFile = readablePath(devSecretPath(config.dataDir, 'system-admin-token'));
      console.log(`Mã quản trị hệ thống / system-admin token: ${process.env.SYSTEM_ADMIN_TOKEN ? 'SYSTEM_ADMIN_TOKEN' : tokenFile}`);
    }
    if (demo) for (const line of demoLoginLines(`http://${config.host}:${port}`)) console.log(line);
  });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: đang dừng / stopping…`);
    sweeps?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await local?.stop();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  server.on('error', async (error) => {
    console.error(`Không khởi động được API / cannot start the API on ${config.host}:${config.port}: ${error.message}`);
    await local?.stop();
    process.exit(1);
  });
}

/**
 * Loads the demo province when it is missing (DEMO=on, the default in dev), as the platform's operator.
 * True when the province is there to sign in to.
 */
async function loadDemo(config: Config, store: Store): Promise<boolean> {
  const admin = SystemAdmin.authenticate(config.systemAdminToken, config.systemAdminToken);
  if (admin === null || config.authMode !== 'embedded') {
    console.log('Bỏ qua dữ liệu demo (cần SYSTEM_ADMIN_TOKEN và AUTH_MODE=embedded) / demo data skipped (needs a system-admin token and embedded auth)');
    return false;
  }
  const { created } = await seedDemo(store, admin, hashPassword);
  const added = created.units + created.accounts + created.criteriaVersions + created.campaigns;
  console.log(
    added > 0
      ? `Đã nạp tỉnh demo / demo province loaded: ${created.units} đơn vị / units, ${created.accounts} tài khoản / accounts, ${created.criteriaVersions} bộ chỉ số / criteria versions, ${created.campaigns} kỳ đánh giá / campaigns`
      : 'Tỉnh demo đã có sẵn / demo province already there',
  );
  return true;
}

/** Relative to the working directory when inside it, else absolute. */
function readablePath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') ? path : fromHere;
}

function readConfig(): Config {
  try {
    return withDevSecrets(loadConfig(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
