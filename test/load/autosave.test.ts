import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningProduct, startProduct } from '../support/product.ts';

// The issue: "200 schools autosaving concurrently for a minute on loopback: no error, no lost or reordered write."
const SCHOOLS = 200;
const LOAD_SECONDS = 60;
const FIELD = 'digital_materials';
const SIGN_IN_CONCURRENCY = 10;

interface School {
  code: string;
  login: string;
  unitId: string;
  token: string;
  /** The last n and version the server acknowledged (200), and how many saves it acknowledged. */
  lastN: number;
  lastVersion: number;
  acknowledged: number;
}

interface Answer {
  status: number;
  body: unknown;
}

let product: RunningProduct;
let dataDir: string;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function num(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

async function call(method: string, path: string, token: string | null, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = contentType;
  const response = await fetch(`${product.baseUrl}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the failure message.
  }
  return { status: response.status, body: parsed };
}

async function ok(method: string, path: string, token: string | null, body?: unknown, contentType?: string): Promise<Record<string, unknown>> {
  const answer = await call(method, path, token, body, contentType);
  if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  return record(answer.body);
}

async function signIn(login: string, password: string): Promise<Record<string, unknown>> {
  return ok('POST', '/auth/sign-in', null, { tenant: 'demo', login, password });
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function bounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      const item = items[index];
      if (item === undefined) return;
      results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const schools: School[] = [];
let campaignId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chiso-load-'));
  product = await startProduct({
    dataDir,
    port: await freePort(),
    dynamoPort: await freePort(),
    env: { SYSTEM_ADMIN_TOKEN: 'load-test-system-admin-token-0123456789abcdef', DEMO: 'on' },
  });

  const admin = str((await signIn('so.quantri', 'chiso-demo-2025')).token);

  // One bulk import: 200 primary schools under the Sở, each with its head (the default role at a school).
  const header = 'Mã đơn vị,Tên đơn vị,Loại hình,Mã đơn vị cấp trên,Tên đăng nhập,Họ và tên,Vai trò';
  const rows = Array.from({ length: SCHOOLS }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `LOAD-TH-${n},Trường Tiểu học Tải Thử ${n},Tiểu học,,load.ht${n},Hiệu Trưởng Thử ${n},Hiệu trưởng`;
  });
  const plan = await ok('POST', '/unit-imports', admin, [header, ...rows].join('\n'), 'text/csv');
  expect(list(plan.errors)).toEqual([]);
  const importId = str(plan.importId);
  let version = num(plan.version);
  const passwords = new Map<string, { login: string; password: string; code: string }>();
  for (let round = 0; round < 100; round++) {
    const progress = await ok('POST', `/unit-imports/${importId}/apply`, admin, { version });
    for (const entry of list(progress.passwords)) {
      const item = record(entry);
      passwords.set(str(item.login), { login: str(item.login), password: str(item.password), code: str(item.unitCode) });
    }
    version = num(progress.version);
    if (progress.done === true) break;
  }
  expect(passwords.size).toBe(SCHOOLS);

  const campaigns = await ok('GET', '/campaigns', admin);
  const open = list(campaigns.items).map(record).find((campaign) => campaign.status === 'open');
  if (open === undefined) throw new Error(`No open campaign: ${JSON.stringify(campaigns)}`);
  campaignId = str(open.id);

  const signedIn = await bounded([...passwords.values()], SIGN_IN_CONCURRENCY, async (entry) => {
    const session = await signIn(entry.login, entry.password);
    const unitId = str(record(list(session.grants)[0]).unitId);
    const token = str(session.token);
    // The schools came after the campaign opened: the first read joins them.
    const view = await ok('GET', `/campaigns/${campaignId}/submissions/${unitId}`, token);
    const lastVersion = num(record(view.submission).version);
    return { code: entry.code, login: entry.login, unitId, token, lastN: 0, lastVersion, acknowledged: 0 };
  });
  schools.push(...signedIn);
}, 900_000);

afterAll(async () => {
  if (product !== undefined) await product.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** Every event of the submission's history, oldest first. */
async function historyOf(school: School): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=100' : `?limit=100&cursor=${encodeURIComponent(cursor)}`;
    const page = await ok('GET', `/campaigns/${campaignId}/submissions/${school.unitId}/history${query}`, school.token);
    events.push(...list(page.items).map(record));
    cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
  } while (cursor !== null);
  return events.reverse();
}

describe('autosave under load', () => {
  it(`${SCHOOLS} schools autosaving concurrently for ${LOAD_SECONDS} s: no error, no lost or reordered write`, async () => {
    expect(schools).toHaveLength(SCHOOLS);
    const errors = new Map<string, number>();
    const samples: string[] = [];
    const latencies: number[] = [];
    const started = Date.now();
    const end = started + LOAD_SECONDS * 1000;

    await Promise.all(
      schools.map(async (school) => {
        await sleep(Math.random() * 2000);
        let n = 1;
        while (Date.now() < end) {
          const sentAt = performance.now();
          let answer: Answer;
          try {
            answer = await call('PATCH', `/campaigns/${campaignId}/submissions/${school.unitId}`, school.token, {
              version: school.lastVersion,
              answers: { [FIELD]: n },
            });
          } catch (error) {
            answer = { status: 0, body: String(error) };
          }
          latencies.push(performance.now() - sentAt);
          if (answer.status === 200) {
            school.lastN = n;
            school.lastVersion = num(record(record(answer.body).submission).version);
            school.acknowledged++;
            n++;
          } else {
            const key = String(answer.status);
            errors.set(key, (errors.get(key) ?? 0) + 1);
            if (samples.length < 3) samples.push(`${key} ${JSON.stringify(answer.body).slice(0, 300)}`);
            // Read again so that the loop goes on from what the server holds.
            const view = await call('GET', `/campaigns/${campaignId}/submissions/${school.unitId}`, school.token);
            if (view.status === 200) school.lastVersion = num(record(record(view.body).submission).version);
          }
          await sleep(1000 + Math.random() * 1000);
        }
      }),
    );

    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const saves = latencies.length;
    console.log(
      `autosave load: ${SCHOOLS} schools, ${saves} saves in ${seconds.toFixed(1)} s (${(saves / seconds).toFixed(1)} saves/s), ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
        `max ${(latencies[saves - 1] ?? Number.NaN).toFixed(0)} ms, errors ${JSON.stringify(Object.fromEntries(errors))}`,
    );
    if (samples.length > 0) console.log(`error samples:\n${samples.join('\n')}\nproduct output (tail):\n${product.output().slice(-3000)}`);
    expect(Object.fromEntries(errors)).toEqual({});

    // Nothing lost: each school holds its last acknowledged save; nothing reordered: its history lists 1, 2, 3 … in order.
    await bounded(schools, 10, async (school) => {
      expect(school.acknowledged, school.code).toBeGreaterThan(0);
      const view = await ok('GET', `/campaigns/${campaignId}/submissions/${school.unitId}`, school.token);
      const submission = record(view.submission);
      expect(record(submission.answers)[FIELD], school.code).toBe(school.lastN);
      expect(submission.version, school.code).toBe(school.lastVersion);

      const changes = (await historyOf(school))
        .map((event) => ({ version: num(event.entityVersion), value: record(record(event.after).answers)[FIELD] }))
        .filter((change) => change.value !== undefined);
      expect(
        changes.map((change) => change.value),
        school.code,
      ).toEqual(Array.from({ length: school.lastN }, (_, i) => i + 1));
      const versions = changes.map((change) => change.version);
      expect(versions, school.code).toEqual([...versions].sort((a, b) => a - b));
      expect(versions.at(-1), school.code).toBe(school.lastVersion);
    });
  }, 360_000);
});
