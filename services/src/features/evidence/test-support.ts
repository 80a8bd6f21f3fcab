import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { LocalDiskStorage } from '../../storage/local-disk.ts';
import type { TestProvince } from '../../testing/province.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { campaignBody, openedCampaign, requester } from '../campaigns/test-support.ts';
import { type SubmissionView, SubmissionViewSchema } from '../submissions/schemas.ts';
import type { LinkCheckSettings } from './link-checker.ts';
import { OBJECTS_URL_PREFIX } from './limits.ts';
import { AttachedFileSchema, UploadTicketSchema } from './schemas.ts';

/** Test helpers of the evidence feature. */

export type Headers = Record<string, string>;

/** The app with local-disk evidence storage in a fresh temporary directory, and the storage itself to look into. */
export async function evidenceApp(store: Store, linkCheck?: LinkCheckSettings) {
  const storage = new LocalDiskStorage({ root: await mkdtemp(join(tmpdir(), 'chiso-evidence-')), secret: null, urlPrefix: OBJECTS_URL_PREFIX });
  const app = createTestApp(store, undefined, { evidenceStorage: storage, ...(linkCheck !== undefined && { linkCheck }) });
  return { app, storage, call: requester(app) };
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fresh open campaign on `version` and the API path of school A1's submission in it. */
export async function campaignWithA1(call: ReturnType<typeof requester>, province: TestProvince, version: { setKey: string; number: number }) {
  const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(version));
  return { campaign, a1: `/campaigns/${campaign.id}/submissions/${province.units.schoolA1.id}` };
}

export async function readSubmission(call: ReturnType<typeof requester>, headers: Headers, path: string): Promise<SubmissionView> {
  const response = await call(headers, 'GET', path);
  expect(response.status).toBe(200);
  return SubmissionViewSchema.parse(await response.json());
}

export interface FileToSend {
  criterionId: string;
  slotId: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Step 2 as a browser does it: the raw bytes to the URL of the ticket, with its headers. */
export function putBytes(app: Hono<AppEnv>, upload: { url: string; headers: Record<string, string> }, bytes: Uint8Array, headers: Headers = {}) {
  return Promise.resolve(app.request(upload.url, { method: 'PUT', headers: { ...upload.headers, ...headers }, body: bytes }));
}

/** Steps 1 and 2: a ticket for the file, and its bytes sent. Returns the upload id and the PUT's response. */
export async function upload(app: Hono<AppEnv>, headers: Headers, path: string, file: FileToSend) {
  const call = requester(app);
  const declared = { criterionId: file.criterionId, slotId: file.slotId, name: file.name, contentType: file.contentType, size: file.bytes.byteLength, sha256: sha256Of(file.bytes) };
  const ticket = await call(headers, 'POST', `${path}/evidence/uploads`, declared);
  if (ticket.status !== 201) throw new Error(`upload request answered ${ticket.status}: ${await ticket.text()}`);
  const { uploadId, upload: target } = UploadTicketSchema.parse(await ticket.json());
  return { uploadId, declared, put: await putBytes(app, target, file.bytes) };
}

/** All three steps; the file must be accepted. */
export async function attach(app: Hono<AppEnv>, headers: Headers, path: string, file: FileToSend) {
  const { uploadId, declared, put } = await upload(app, headers, path, file);
  expect(put.status).toBe(200);
  const { submission } = await readSubmission(requester(app), headers, path);
  const attached = await requester(app)(headers, 'POST', `${path}/evidence/files`, { version: submission.version, uploadId, ...declared });
  if (attached.status !== 201) throw new Error(`attach answered ${attached.status}: ${await attached.text()}`);
  return AttachedFileSchema.parse(await attached.json());
}
