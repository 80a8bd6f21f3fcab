import type { UnitKind } from '@chiso/criteria';
import { expect } from 'vitest';
import type { Store } from '../../db/client.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { createDraft, publishVersion } from '../criteria-sets/use-cases.ts';
import { CampaignSchema, OpenedCampaignSchema } from './schemas.ts';

/** Test helpers of the campaigns and submissions features. */

export type Headers = Record<string, string>;

/** Calls the API of `app` as the account whose headers are given. */
export function requester(app: { request(path: string, init: RequestInit): Response | Promise<Response> }) {
  return (headers: Headers, method: string, path: string, body?: unknown): Promise<Response> =>
    Promise.resolve(app.request(`/api${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
}

export async function errorOf(response: Response) {
  return ErrorResponseSchema.parse(await response.json()).error;
}

/** Publishes a copy of the national 4725 into the tenant, as a provincial admin would: clone, then publish. */
export async function publishNational4725(store: Store, tenantId: string, label = '2022.1'): Promise<{ setKey: string; number: number; contentHash: string }> {
  const deps = { sets: criteriaSetRepository(store) };
  const ctx = adminContext(tenantId);
  const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label });
  const published = await publishVersion(deps, ctx, draft.version.setKey, draft.version.number, draft.version.version);
  return { setKey: published.setKey, number: published.number, contentHash: published.contentHash };
}

/** What every campaign, submission and review test starts from. */
export interface CampaignWorld {
  store: Store;
  province: TestProvince;
  call: ReturnType<typeof requester>;
  v4725: { setKey: string; number: number; contentHash: string };
}

/** A fresh table with a seeded province (its own tenant id) and the national 4725 published in it. */
export async function campaignWorld(tenantId: string): Promise<CampaignWorld> {
  const store = await createTestStore();
  const call = requester(createTestApp(store));
  const province = await seedProvince(store, tenantId);
  const v4725 = await publishNational4725(store, province.tenantId);
  return { store, province, call, v4725 };
}

/** The school kinds the national 4725 applies to that the test province has. */
export const SCHOOL_KINDS_4725: UnitKind[] = ['primary', 'lower-secondary', 'upper-secondary', 'continuing-education'];

/** A campaign request on one version for `kinds`, with deadlines in order (far in the future unless given). */
export function campaignBody(version: { setKey: string; number: number }, options: { kinds?: UnitKind[]; ownerUnitId?: string; deadlines?: Record<string, string> } = {}) {
  return {
    ...(options.ownerUnitId !== undefined && { ownerUnitId: options.ownerUnitId }),
    name: 'Đánh giá mức độ chuyển đổi số năm học 2024-2025',
    schoolYear: '2024-2025',
    criteria: [{ kinds: options.kinds ?? SCHOOL_KINDS_4725, setKey: version.setKey, number: version.number }],
    deadlines: options.deadlines ?? {
      selfAssessment: '2099-01-31',
      reviewRequest: '2099-02-15',
      externalReview: '2099-03-31',
      recognition: '2099-05-15',
      publication: '2099-05-31',
    },
  };
}

/** Deadlines that have all passed. */
export const PAST_DEADLINES = {
  selfAssessment: '2020-01-31',
  reviewRequest: '2020-02-15',
  externalReview: '2020-03-31',
  recognition: '2020-05-15',
  publication: '2020-05-31',
};

type Call = ReturnType<typeof requester>;

/** Creates a campaign through the API and opens it; returns it as opened with how many submissions were made. */
export async function openedCampaign(call: Call, headers: Headers, body: ReturnType<typeof campaignBody>) {
  const created = await call(headers, 'POST', '/campaigns', body);
  expect(created.status).toBe(201);
  const campaign = CampaignSchema.parse(await created.json());
  const opened = await call(headers, 'POST', `/campaigns/${campaign.id}/open`, { version: campaign.version });
  expect(opened.status).toBe(200);
  return OpenedCampaignSchema.parse(await opened.json());
}
