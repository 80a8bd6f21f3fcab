import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import type { Store } from '../../db/client.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { XLSX_TYPE } from './parse.ts';
import { type ImportJob, ImportJobSchema, type ImportProgress, ImportProgressSchema } from './schemas.ts';

/** A table as a test writes it: the header row first. */
export type Table = readonly (readonly string[])[];

/** RFC 4180 CSV of `table`: every cell quoted, quotes doubled, CRLF line ends. */
export function csvOf(table: Table): Uint8Array {
  const text = table.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
  return new TextEncoder().encode(`${text}\r\n`);
}

/** An XLSX workbook with `table` on its first sheet, as Excel would save it. */
export async function xlsxOf(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị');
  for (const row of table) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const CSV = 'text/csv; charset=utf-8';
export const XLSX = XLSX_TYPE;

type App = Hono<AppEnv>;

/** Uploads a file for a dry run; the raw response, for tests of refusals. */
export function upload(app: App, headers: Record<string, string>, body: Uint8Array, contentType: string, query = ''): Promise<Response> {
  return Promise.resolve(app.request(`/api/unit-imports${query}`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body }));
}

/** Uploads a file that must be accepted for a dry run, and returns the dry run. */
export async function dryRun(app: App, headers: Record<string, string>, body: Uint8Array, contentType: string, query = ''): Promise<ImportJob> {
  const response = await upload(app, headers, body, contentType, query);
  if (response.status !== 201) throw new Error(`dry run answered ${response.status}: ${await response.text()}`);
  return ImportJobSchema.parse(await response.json());
}

export function applyOnce(app: App, headers: Record<string, string>, importId: string, version: number): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/unit-imports/${importId}/apply`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ version }) }),
  );
}

/** Calls apply until the import is done; every progress report, in order. */
export async function applyAll(app: App, headers: Record<string, string>, job: ImportJob): Promise<ImportProgress[]> {
  const reports: ImportProgress[] = [];
  let version = job.version;
  for (let call = 0; call < 1_000; call += 1) {
    const response = await applyOnce(app, headers, job.importId, version);
    if (response.status !== 200) throw new Error(`apply answered ${response.status}: ${await response.text()}`);
    const progress = ImportProgressSchema.parse(await response.json());
    reports.push(progress);
    if (progress.done) return reports;
    version = progress.version;
  }
  throw new Error('apply never finished');
}

/** How many audit events the tenant has: a dry run or a no-op import must not add any. */
export async function auditCount(store: Store, tenantId: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `TENANT#${tenantId}#AUDIT` },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}
