import { seed003Example } from '@chiso/criteria/sets';
import { expect } from 'vitest';
import { embeddedAuthenticator, signAccessToken } from '../../auth/account-token.ts';
import { Caller } from '../../auth/caller.ts';
import type { Store } from '../../db/client.ts';
import { TEST_JWT_SECRET } from '../../testing/test-app.ts';
import { auditLog } from '../audit-events/repository.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { campaignRepository } from '../campaigns/repository.ts';
import type { Headers, requester } from '../campaigns/test-support.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { submissionRepository } from '../submissions/repository.ts';
import { type SubmissionView, SubmissionViewSchema } from '../submissions/schemas.ts';
import type { SubmissionDeps } from '../submissions/use-cases.ts';
import { unitRepository } from '../units/repository.ts';
import type { ReviewDeps } from './access.ts';
import { reviewRepository } from './repository.ts';
import { type ReviewView, ReviewViewSchema } from './schemas.ts';

/** Test helpers of the reviews feature: a school filling seed 003, and the review steps through the API. */

type Call = ReturnType<typeof requester>;

/** One link per item of evidence seed 003 counts, as a school would attach them. */
function seedEvidence() {
  return Object.fromEntries(
    Object.entries(seed003Example.evidence).map(([criterion, slots]) => [
      criterion,
      Object.fromEntries(
        Object.entries(slots).map(([slot, count]) => [
          slot,
          Array.from({ length: count }, (_, i) => ({ kind: 'link', url: `https://trung-tam-thu.edu.vn/minh-chung/${criterion}/${slot}/${i + 1}`, label: `Minh chứng ${criterion} số ${i + 1}` })),
        ]),
      ),
    ]),
  );
}

/** A school's change through the API; fails the test unless it is saved. */
export async function schoolPatch(call: Call, as: Headers, path: string, body: Record<string, unknown>): Promise<SubmissionView> {
  const response = await call(as, 'PATCH', path, body);
  if (response.status !== 200) throw new Error(`PATCH ${path}: ${response.status} ${JSON.stringify(await response.json())}`);
  return SubmissionViewSchema.parse(await response.json());
}

/** Fills seed 003 as the school's form autosaves it: answers, then points, then evidence. */
export async function fillSeed003(call: Call, as: Headers, path: string): Promise<SubmissionView> {
  const read = await call(as, 'GET', path);
  expect(read.status).toBe(200);
  let view = SubmissionViewSchema.parse(await read.json());
  view = await schoolPatch(call, as, path, { version: view.submission.version, answers: seed003Example.answers });
  view = await schoolPatch(call, as, path, { version: view.submission.version, awards: seed003Example.awards });
  return schoolPatch(call, as, path, { version: view.submission.version, evidence: seedEvidence() });
}

/** The head submits; returns the submission as submitted. */
export async function submit(call: Call, head: Headers, path: string, version: number): Promise<SubmissionView> {
  const response = await call(head, 'POST', `${path}/submit`, { version });
  if (response.status !== 200) throw new Error(`submit: ${response.status} ${JSON.stringify(await response.json())}`);
  return SubmissionViewSchema.parse(await response.json());
}

/** A review step (`review/start`, `return`, `accept`, …) or the review PATCH; fails the test unless it succeeds. */
export async function reviewStep(call: Call, as: Headers, path: string, step: string, body: Record<string, unknown>): Promise<ReviewView> {
  const response = await call(as, step === 'review' ? 'PATCH' : 'POST', `${path}/${step}`, body);
  if (response.status !== 200) throw new Error(`${step}: ${response.status} ${JSON.stringify(await response.json())}`);
  return ReviewViewSchema.parse(await response.json());
}

export async function readReview(call: Call, as: Headers, path: string): Promise<ReviewView> {
  const response = await call(as, 'GET', `${path}/review`);
  expect(response.status).toBe(200);
  return ReviewViewSchema.parse(await response.json());
}

/** A submission's history through the API, newest first. */
export async function historyOf(call: Call, as: Headers, path: string) {
  const response = await call(as, 'GET', `${path}/history?limit=100`);
  expect(response.status).toBe(200);
  return AuditEventPageSchema.parse(await response.json()).items;
}

/** Points per group of a score, in order. */
export const groupPoints = (score: { groups: { points: number }[] }) => score.groups.map((group) => group.points);

/** The caller a request of the account would have (its token verified, its grants loaded), to call use cases directly. */
export async function callerOf(store: Store, tenantId: string, accountId: string): Promise<Caller> {
  const { token } = await signAccessToken(TEST_JWT_SECRET, { tenantId, accountId });
  const identity = await embeddedAuthenticator(TEST_JWT_SECRET).verify(token);
  const caller = identity === null ? null : await Caller.load(store, identity);
  if (caller === null) throw new Error(`No caller for account ${accountId}`);
  return caller;
}

/** What the submission and review use cases need, at the time `now` tells: tests move the clock, never sleep. */
export function clockedDeps(store: Store, now: () => Date): ReviewDeps & SubmissionDeps {
  return {
    campaigns: campaignRepository(store),
    sets: criteriaSetRepository(store),
    units: unitRepository(store),
    submissions: submissionRepository(store),
    reviews: reviewRepository(store),
    audit: auditLog(store),
    now,
  };
}
