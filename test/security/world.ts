import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../services/src/db/client.ts';
import { type AccountDetail, AccountDetailSchema, AccountPageSchema } from '../../services/src/features/accounts/schemas.ts';
import { campaignBody } from '../../services/src/features/campaigns/test-support.ts';
import { type Campaign, CampaignSchema, type Extension, ExtensionSchema, OpenedCampaignSchema } from '../../services/src/features/campaigns/schemas.ts';
import { CriteriaVersionDetailSchema } from '../../services/src/features/criteria-sets/responses.ts';
import { type CriteriaVersion, CriteriaVersionSchema } from '../../services/src/features/criteria-sets/schemas.ts';
import { OBJECTS_URL_PREFIX } from '../../services/src/features/evidence/limits.ts';
import { type SubmissionView, SubmissionViewSchema } from '../../services/src/features/submissions/schemas.ts';
import { type ImportJob, ImportJobSchema } from '../../services/src/features/unit-imports/schemas.ts';
import { UnitPageSchema } from '../../services/src/features/units/schemas.ts';
import { LocalDiskStorage } from '../../services/src/storage/local-disk.ts';
import { type AccountName, type TestProvince, type UnitName, seedProvince } from '../../services/src/testing/province.ts';
import { TEST_JWT_SECRET, createTestApp } from '../../services/src/testing/test-app.ts';
import { createTestStore } from '../../services/src/testing/test-store.ts';
import { type App, type Headers, expectAnswer, unitListCsv } from './api.ts';

/**
 * The world the cross-scope suite attacks: two provinces seeded alike (seedProvince), then given, through
 * the API as their own admins, what the routes address: criteria versions, campaigns with submissions, an
 * extension, unit imports, an account made through the API. Province B also has a criteria set whose key
 * exists only there, so that naming it from A cannot land on A's own. Fictional data only.
 */

export const TENANT_A = 'tinh-alpha';
export const TENANT_B = 'tinh-beta';
export const B_ONLY_SET = 'chi-b-4725';

/** Strings only the resource that holds them contains: finding one where it does not belong is a leak. */
export const SECRET_TEXT = {
  bCampaign: 'Kỳ đánh giá riêng của tỉnh Beta',
  bComment: 'Ghi chú mật của tỉnh Beta',
  bOnlyLabel: 'beta-rieng',
  bExtraName: 'Trần Thị Bí Mật Beta',
  phongBCampaign: 'Kỳ đánh giá riêng của Phòng Bình Yên',
  b1Comment: 'Ghi chú mật của trường Sao Mai',
  a2Comment: 'Ghi chú mật của trường Cánh Diều',
  aExtraName: 'Lê Văn Bí Mật Sao Mai',
  bLink: 'https://truong-beta.edu.vn/minh-chung-mat',
  b1Link: 'https://truong-sao-mai.edu.vn/minh-chung-mat',
  a2Link: 'https://truong-canh-dieu.edu.vn/minh-chung-mat',
} as const;

export interface Province {
  seed: TestProvince;
  /** 4725 cloned and published under its own key, `4725`, in both provinces. */
  published4725: CriteriaVersion;
  /** The Sở's campaign, open: every school of the province has its submission. */
  campaign: Campaign;
  extension: Extension;
  /** A dry run by the province admin at the Sở. */
  importJob: ImportJob;
  /** An account made through the API (school-editor at school B1). */
  extra: AccountDetail;
  /** Every account as its admin reads it, with its grants. */
  accounts: ReadonlyMap<AccountName | 'extra', AccountDetail>;
  /** Every submission of the province's open campaigns, as its admin reads it. */
  submissions: SubmissionView[];
  /** A cursor of the admin's unit and account listings, to be replayed by others. */
  cursors: { units: string | null; accounts: string | null };
}

export interface World {
  store: Store;
  app: App;
  /** Where the evidence storage keeps files: removed after the suite. */
  evidenceDir: string;
  a: Province & {
    /** A draft campaign of Phòng A, made by its office admin. */
    phongACampaign: Campaign;
    /** An open campaign owned by Phòng B (its schools only). */
    phongBCampaign: Campaign;
    /** A dry run at Phòng B. */
    phongBImport: ImportJob;
  };
  b: Province & { bOnlyPublished: CriteriaVersion; bOnlyDraft: CriteriaVersion; bOnlyDraftDefinition: unknown };
}

const FAR_EXTENSION = '2099-02-20';

export async function buildWorld(): Promise<World> {
  const store = await createTestStore();
  const evidenceDir = mkdtempSync(join(tmpdir(), 'chiso-cross-scope-'));
  // Evidence storage as in embedded mode, so that the evidence routes answer as deployed rather than "no storage".
  const evidenceStorage = new LocalDiskStorage({ root: evidenceDir, secret: TEST_JWT_SECRET, urlPrefix: OBJECTS_URL_PREFIX });
  const app = createTestApp(store, undefined, { evidenceStorage });
  const [seedA, seedB] = await Promise.all([seedProvince(store, TENANT_A), seedProvince(store, TENANT_B)]);
  const [a, b] = await Promise.all([provinceA(app, seedA), provinceB(app, seedB)]);
  return { store, app, a, b, evidenceDir };
}

const call = (headers: Headers, method: string, path: string, body?: unknown) => ({ headers, method, path, ...(body !== undefined && { body }) });

async function publishClone(app: App, admin: Headers, setKey: string, label: string): Promise<CriteriaVersion> {
  const draft = await expectAnswer(app, call(admin, 'POST', '/criteria-sets/drafts', { from: 'clone', source: { builtIn: '4725' }, setKey, label }), 201, CriteriaVersionDetailSchema);
  const { number, version } = draft.version;
  return expectAnswer(app, call(admin, 'POST', `/criteria-sets/${setKey}/versions/${number}/publish`, { version }), 200, CriteriaVersionSchema);
}

async function openCampaign(app: App, admin: Headers, body: ReturnType<typeof campaignBody> & { name: string }): Promise<Campaign> {
  const draft = await expectAnswer(app, call(admin, 'POST', '/campaigns', body), 201, CampaignSchema);
  const opened = await expectAnswer(app, call(admin, 'POST', `/campaigns/${draft.id}/open`, { version: draft.version }), 200, OpenedCampaignSchema);
  return opened.campaign;
}

async function dryRun(app: App, admin: Headers, code: string, name: string, scopeUnitId?: string): Promise<ImportJob> {
  const path = scopeUnitId === undefined ? '/unit-imports' : `/unit-imports?scopeUnitId=${scopeUnitId}`;
  return expectAnswer(app, { headers: admin, method: 'POST', path, upload: unitListCsv(code, name) }, 201, ImportJobSchema);
}

async function extraAccount(app: App, seed: TestProvince, login: string, name: string): Promise<AccountDetail> {
  const school = seed.units.schoolB1.id;
  const body = { homeUnitId: school, login, name, grants: [{ unitId: school, role: 'school-editor' }] };
  return expectAnswer(app, call(seed.headers.provinceAdmin, 'POST', '/accounts', body), 201, AccountDetailSchema);
}

/** Fills a school's submission as its head, a comment and a link of evidence: data that must never show outside the school's reach. */
async function fill(app: App, head: Headers, campaign: Campaign, unitId: string, text: string, url: string): Promise<void> {
  const path = `/campaigns/${campaign.id}/submissions/${unitId}`;
  const view = await expectAnswer(app, call(head, 'GET', path), 200, SubmissionViewSchema);
  const evidence = { '1.3': { links: [{ kind: 'link', url, label: 'Kế hoạch dạy học trực tuyến' }] } };
  await expectAnswer(app, call(head, 'PATCH', path, { version: view.submission.version, comments: { '1.3': text }, evidence }), 200, SubmissionViewSchema);
}

export const ACCOUNT_NAMES: readonly AccountName[] = [
  'provinceAdmin',
  'provinceViewer',
  'officeAdminA',
  'reviewerA',
  'reviewerB',
  'editorA1',
  'headA1',
  'headA2',
  'headB1',
  'headC',
];

async function readAccounts(app: App, seed: TestProvince, extra: AccountDetail): Promise<ReadonlyMap<AccountName | 'extra', AccountDetail>> {
  const read = (id: string) => expectAnswer(app, call(seed.headers.provinceAdmin, 'GET', `/accounts/${id}`), 200, AccountDetailSchema);
  const named = await Promise.all(ACCOUNT_NAMES.map(async (name) => [name, await read(seed.accounts[name].id)] as const));
  return new Map<AccountName | 'extra', AccountDetail>([...named, ['extra', await read(extra.account.id)]]);
}

async function readSubmissions(app: App, seed: TestProvince, campaigns: Campaign[]): Promise<SubmissionView[]> {
  const schools: UnitName[] = ['schoolA1', 'schoolA2', 'schoolB1', 'thptC'];
  const reads = campaigns.flatMap((campaign) =>
    schools
      .filter((school) => seed.units[school].path.startsWith(campaign.ownerPath))
      .map((school) => expectAnswer(app, call(seed.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/submissions/${seed.units[school].id}`), 200, SubmissionViewSchema)),
  );
  return Promise.all(reads);
}

async function cursors(app: App, seed: TestProvince, limit: number): Promise<Province['cursors']> {
  const admin = seed.headers.provinceAdmin;
  const units = await expectAnswer(app, call(admin, 'GET', `/units?limit=${limit}`), 200, UnitPageSchema);
  const accounts = await expectAnswer(app, call(admin, 'GET', `/accounts?limit=${limit}`), 200, AccountPageSchema);
  return { units: units.nextCursor, accounts: accounts.nextCursor };
}

async function provinceB(app: App, seed: TestProvince): Promise<World['b']> {
  const admin = seed.headers.provinceAdmin;
  const [published4725, bOnlyPublished] = await Promise.all([publishClone(app, admin, '4725', '2022.1'), publishClone(app, admin, B_ONLY_SET, SECRET_TEXT.bOnlyLabel)]);
  const draftBody = { from: 'clone', source: { builtIn: '4725' }, setKey: B_ONLY_SET, label: `${SECRET_TEXT.bOnlyLabel}-nhap` };
  const [draft, campaign, importJob, extra] = await Promise.all([
    expectAnswer(app, call(admin, 'POST', '/criteria-sets/drafts', draftBody), 201, CriteriaVersionDetailSchema),
    openCampaign(app, admin, { ...campaignBody({ setKey: B_ONLY_SET, number: bOnlyPublished.number }), name: SECRET_TEXT.bCampaign }),
    dryRun(app, admin, 'BETA-MOI-01', 'Trường Tiểu học Beta Mới'),
    extraAccount(app, seed, 'thu-ky.beta', SECRET_TEXT.bExtraName),
  ]);
  const [extension] = await Promise.all([
    expectAnswer(app, call(admin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: seed.units.schoolB1.id, until: FAR_EXTENSION }), 200, ExtensionSchema),
    fill(app, seed.headers.headB1, campaign, seed.units.schoolB1.id, SECRET_TEXT.bComment, SECRET_TEXT.bLink),
  ]);
  const [accounts, submissions, listingCursors] = await Promise.all([readAccounts(app, seed, extra), readSubmissions(app, seed, [campaign]), cursors(app, seed, 2)]);
  return {
    seed,
    published4725,
    bOnlyPublished,
    bOnlyDraft: draft.version,
    bOnlyDraftDefinition: draft.definition,
    campaign,
    extension,
    importJob,
    extra,
    accounts,
    submissions,
    cursors: listingCursors,
  };
}

async function provinceA(app: App, seed: TestProvince): Promise<World['a']> {
  const admin = seed.headers.provinceAdmin;
  const published4725 = await publishClone(app, admin, '4725', '2022.1');
  const version = { setKey: '4725', number: published4725.number };
  const [campaign, phongBCampaign, phongACampaign, importJob, phongBImport, extra] = await Promise.all([
    openCampaign(app, admin, { ...campaignBody(version), name: 'Kỳ đánh giá của tỉnh Alpha' }),
    openCampaign(app, admin, { ...campaignBody(version, { ownerUnitId: seed.units.phongB.id }), name: SECRET_TEXT.phongBCampaign }),
    expectAnswer(app, call(seed.headers.officeAdminA, 'POST', '/campaigns', { ...campaignBody(version), name: 'Kỳ đánh giá của Phòng An Lạc' }), 201, CampaignSchema),
    dryRun(app, admin, 'ALPHA-MOI-01', 'Trường Tiểu học Alpha Mới'),
    dryRun(app, admin, 'BINH-YEN-MOI-01', 'Trường Tiểu học Bình Yên Mới', seed.units.phongB.id),
    extraAccount(app, seed, 'thu-ky.sao-mai', SECRET_TEXT.aExtraName),
  ]);
  const [extension] = await Promise.all([
    expectAnswer(app, call(admin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: seed.units.schoolA2.id, until: FAR_EXTENSION }), 200, ExtensionSchema),
    fill(app, seed.headers.headB1, campaign, seed.units.schoolB1.id, SECRET_TEXT.b1Comment, SECRET_TEXT.b1Link),
    fill(app, seed.headers.headB1, phongBCampaign, seed.units.schoolB1.id, SECRET_TEXT.b1Comment, SECRET_TEXT.b1Link),
    fill(app, seed.headers.headA2, campaign, seed.units.schoolA2.id, SECRET_TEXT.a2Comment, SECRET_TEXT.a2Link),
  ]);
  const [accounts, submissions, listingCursors] = await Promise.all([
    readAccounts(app, seed, extra),
    readSubmissions(app, seed, [campaign, phongBCampaign]),
    cursors(app, seed, 1),
  ]);
  return {
    seed,
    published4725,
    campaign,
    phongACampaign,
    phongBCampaign,
    extension,
    importJob,
    phongBImport,
    extra,
    accounts,
    submissions,
    cursors: listingCursors,
  };
}
