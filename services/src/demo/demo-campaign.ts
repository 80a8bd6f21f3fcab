import type { UnitKind } from '@chiso/criteria';
import { seed003Example } from '@chiso/criteria/sets';
import { Caller } from '../auth/caller.ts';
import { VerifiedIdentity } from '../auth/identity.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { Store } from '../db/client.ts';
import { getTenantItem } from '../db/query.ts';
import { loginKeys } from '../features/accounts/keys.ts';
import { normalizeLogin } from '../features/accounts/repository.ts';
import { auditLog } from '../features/audit-events/repository.ts';
import { campaignRepository } from '../features/campaigns/repository.ts';
import { CreateCampaignSchema } from '../features/campaigns/schemas.ts';
import { createCampaign, listCampaigns, openCampaign } from '../features/campaigns/use-cases.ts';
import { criteriaSetRepository } from '../features/criteria-sets/repository.ts';
import { submissionRepository } from '../features/submissions/repository.ts';
import { PatchSubmissionSchema } from '../features/submissions/schemas.ts';
import { type SubmissionDeps, getSubmission, patchSubmission } from '../features/submissions/use-cases.ts';
import { unitRepository } from '../features/units/repository.ts';

// The kinds of school the national 4725 is for that the demo province has (no preschool set is published).
const KINDS_4725: UnitKind[] = ['primary', 'lower-secondary', 'primary-lower-secondary', 'upper-secondary', 'continuing-education'];

/**
 * The demo account `login` as a signed-in caller: seeding goes through the same use cases and access
 * checks as the API, so the audit trail shows the demo admin opening the campaign and a school filling it.
 */
async function demoCaller(store: Store, ctx: TenantContext, login: string): Promise<Caller> {
  const item = await getTenantItem(store, ctx, loginKeys(ctx, normalizeLogin(login)));
  if (typeof item?.accountId !== 'string') throw new Error(`No demo account ${login}`);
  const caller = await Caller.load(store, VerifiedIdentity.issue(ctx.tenantId, item.accountId));
  if (caller === null) throw new Error(`The demo account ${login} is not active`);
  return caller;
}

/**
 * Opens the demo province's campaign on its 4725 (once), then lets the continuing-education centre fill
 * in seed 003's answers and points (84 / 94, level 3) and the THPT start its form: a few submissions in
 * different states to look at. Returns true when it created the campaign.
 */
export async function seedDemoCampaign(store: Store, ctx: TenantContext, version: { setKey: string; number: number }): Promise<boolean> {
  const deps: SubmissionDeps = {
    campaigns: campaignRepository(store),
    sets: criteriaSetRepository(store),
    units: unitRepository(store),
    submissions: submissionRepository(store),
    audit: auditLog(store),
  };
  const admin = await demoCaller(store, ctx, 'so.quantri');
  if ((await listCampaigns(deps, admin, {})).length > 0) return false;
  const year = new Date().getUTCFullYear();
  // Parsed as the API would: the schema fills in what a request may leave out.
  const created = await createCampaign(deps, admin, CreateCampaignSchema.parse({
    name: `Đánh giá mức độ chuyển đổi số năm học ${year}-${year + 1}`,
    schoolYear: `${year}-${year + 1}`,
    criteria: [{ kinds: KINDS_4725, setKey: version.setKey, number: version.number }],
    deadlines: {
      selfAssessment: `${year + 1}-01-31`,
      reviewRequest: `${year + 1}-02-15`,
      externalReview: `${year + 1}-03-31`,
      recognition: `${year + 1}-05-15`,
      publication: `${year + 1}-05-31`,
    },
  }));
  const { campaign } = await openCampaign(deps, admin, created.id, created.version);

  const centre = await demoCaller(store, ctx, 'gdtx.giamdoc');
  const centreUnit = centre.grants[0]?.unitId;
  if (centreUnit === undefined) throw new Error('The demo centre head has no grant');
  let view = await getSubmission(deps, centre, campaign.id, centreUnit);
  view = await patchSubmission(deps, centre, campaign.id, centreUnit, PatchSubmissionSchema.parse({ version: view.submission.version, answers: seed003Example.answers }));
  await patchSubmission(deps, centre, campaign.id, centreUnit, PatchSubmissionSchema.parse({ version: view.submission.version, awards: seed003Example.awards }));

  const thpt = await demoCaller(store, ctx, 'thpt.minhhoa.hieutruong');
  const thptUnit = thpt.grants[0]?.unitId;
  if (thptUnit === undefined) throw new Error('The demo THPT head has no grant');
  const started = await getSubmission(deps, thpt, campaign.id, thptUnit);
  const firstAnswers = Object.fromEntries(Object.entries(seed003Example.answers).slice(0, 6));
  await patchSubmission(deps, thpt, campaign.id, thptUnit, PatchSubmissionSchema.parse({ version: started.submission.version, answers: firstAnswers }));
  return true;
}
