import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { auditLog } from '../audit-events/repository.ts';
import { campaignRepository } from '../campaigns/repository.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { unitRepository } from '../units/repository.ts';
import { submissionRepository } from './repository.ts';
import type { SubmissionDeps } from './use-cases.ts';

/**
 * The repositories a submission's routes work with, on the request's store: one builder for every
 * feature that works on submissions (submissions, evidence, reviews), so they cannot drift apart.
 */
export function submissionDepsOf(c: Context<AppEnv>): SubmissionDeps {
  const { store } = c.var.deps;
  return {
    campaigns: campaignRepository(store),
    sets: criteriaSetRepository(store),
    units: unitRepository(store),
    submissions: submissionRepository(store),
    audit: auditLog(store),
  };
}
