import { type Role, isOfficeKind } from '../../services/src/auth/roles.ts';
import { campaignBody } from '../../services/src/features/campaigns/test-support.ts';
import type { Unit } from '../../services/src/features/units/schemas.ts';
import { unitListCsv } from './api.ts';
import { type Attacker, type ForeignSubmission, type Labelled, MADE_UP_EVIDENCE, type Target } from './targets.ts';

/**
 * The case table: for every route a signed-in account can call, the requests an attacker sends at the
 * target. Each request is VALID but for whose resource it names (so validation cannot answer first):
 * - `hidden`: it names a foreign resource (in the path, the query or the body): 404 `not-found`;
 * - `seen`: a listing or a read of the attacker's own: its legitimate answer, holding nothing of the target;
 * - `refused`: a reference inside a body that the route checks as input (a criteria version a campaign
 *   applies): the same 400 as for a version that does not exist.
 */

export type Expectation =
  | { kind: 'not-found' }
  | { kind: 'no-leak'; statuses: readonly number[] }
  | { kind: 'refused'; status: number; detailCode: string };

export interface Probe {
  label: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  upload?: { contentType: string; bytes: Uint8Array };
  expect: Expectation;
}

type Request = Omit<Probe, 'label' | 'expect'>;
export type RouteCase = (t: Target, me: Attacker) => Probe[];

const hidden = (label: string, request: Request): Probe => ({ label, ...request, expect: { kind: 'not-found' } });
const seen = (label: string, request: Request, statuses: readonly number[] = [200]): Probe => ({ label, ...request, expect: { kind: 'no-leak', statuses } });
const refusedAsMissing = (label: string, detailCode: string, request: Request): Probe => ({ label, ...request, expect: { kind: 'refused', status: 400, detailCode } });

/** The probes `make` builds from something of the attacker's (or the target's) when there is one; none otherwise. */
const mine = <T>(thing: T | null, make: (thing: T) => Probe[]): Probe[] => (thing === null ? [] : make(thing));

/** A role that fits the unit's kind, so that only the unit's place can refuse it. */
function fittingRole(unit: Pick<Unit, 'kind'>): Role {
  if (unit.kind === 'provincial-department') return 'province-viewer';
  return unit.kind === 'district-office' ? 'office-reviewer' : 'school-editor';
}

const isSchool = (unit: Unit) => !isOfficeKind(unit.kind);
const UNTIL = '2099-02-25';
const INTRUDER = { login: 'xam-nhap.thu', name: 'Người Xâm Nhập Thử' };

function ownVersion(me: Attacker) {
  return { setKey: me.province.published4725.setKey, number: me.province.published4725.number };
}

const versionParams = (v: { setKey: string; number: number }) => ({ setKey: v.setKey, number: String(v.number) });

/** One probe per unit of the target. */
const eachUnit = (t: Target, make: (unit: Labelled<Unit>) => Probe) => t.units.map(make);

/** Every submission the attacker must not reach: the target's, its campaigns with the attacker's school, its school in the Sở's campaign of the attacker's province. */
function foreignSubmissions(t: Target, me: Attacker): Labelled<ForeignSubmission>[] {
  const mixed = [
    ...t.campaigns.map((c) => ({ label: `${c.label} × own school`, value: { campaign: c.value, unit: me.school, version: 1, evidenceId: MADE_UP_EVIDENCE } })),
    ...t.units
      .filter((u) => isSchool(u.value))
      .slice(0, 1)
      .map((u) => ({ label: `own Sở campaign × ${u.label}`, value: { campaign: me.province.campaign, unit: u.value, version: 1, evidenceId: MADE_UP_EVIDENCE } })),
  ];
  const all = [...t.submissions, ...mixed];
  return all.filter((s, i) => all.findIndex((o) => o.value.campaign.id === s.value.campaign.id && o.value.unit.id === s.value.unit.id) === i);
}

const submissionParams = (s: ForeignSubmission) => ({ campaignId: s.campaign.id, unitId: s.unit.id });

/** A route on one submission: each foreign submission, with the body `body` makes for it. */
function onSubmissions(body?: (s: ForeignSubmission) => unknown, params: (s: ForeignSubmission) => Record<string, string> = submissionParams): RouteCase {
  return (t, me) => foreignSubmissions(t, me).map((s) => hidden(s.label, { params: params(s.value), ...(body !== undefined && { body: body(s.value) }) }));
}

const step = (s: ForeignSubmission) => ({ version: s.version });
const fileParams = (s: ForeignSubmission) => ({ ...submissionParams(s), evidenceId: s.evidenceId });
const FILE = { criterionId: '1.3', slotId: 'links', name: 'ke-hoach.pdf', contentType: 'application/pdf', size: 2048, sha256: 'ab'.repeat(32) };

/** The attacker's own submission (schools only), which it may read. */
function ownSubmission(me: Attacker): Record<string, string>[] {
  return me.unit.id === me.school.id ? [{ campaignId: me.province.campaign.id, unitId: me.school.id }] : [];
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /me': () => [seen('own account', {})],

  // Units
  'POST /units': (t) => eachUnit(t, (u) => hidden(`parent ${u.label}`, { body: { parentId: u.value.id, name: 'Trường Tiểu học Xâm Nhập', kind: 'primary' } })),
  'GET /units': (t) => [
    seen('own scope', {}),
    ...t.cursors.flatMap((c) => (c.value.units === null ? [] : [seen(`cursor of ${c.label}`, { query: { cursor: c.value.units } }, [200, 400])])),
  ],
  'GET /units/:unitId': (t, me) => [...eachUnit(t, (u) => hidden(u.label, { params: { unitId: u.value.id } })), seen('own unit', { params: { unitId: me.unit.id } })],
  'GET /units/:unitId/children': (t, me) => [
    ...eachUnit(t, (u) => hidden(u.label, { params: { unitId: u.value.id } })),
    seen('own unit', { params: { unitId: me.unit.id } }),
  ],
  'PATCH /units/:unitId': (t) => eachUnit(t, (u) => hidden(u.label, { params: { unitId: u.value.id }, body: { version: u.value.version, name: 'Tên đổi thử' } })),
  'POST /units/:unitId/move': (t, me) => [
    ...eachUnit(t, (u) => hidden(`${u.label} under own unit`, { params: { unitId: u.value.id }, body: { version: u.value.version, parentId: me.unit.id } })),
    ...mine(me.movableUnit, (own) => eachUnit(t, (u) => hidden(`own unit under ${u.label}`, { params: { unitId: own.id }, body: { version: own.version, parentId: u.value.id } }))),
  ],
  'POST /units/:unitId/deactivate': (t) => eachUnit(t, (u) => hidden(u.label, { params: { unitId: u.value.id }, body: { version: u.value.version } })),
  'POST /units/:unitId/reactivate': (t) => eachUnit(t, (u) => hidden(u.label, { params: { unitId: u.value.id }, body: { version: u.value.version } })),

  // Accounts
  'POST /accounts': (t, me) => [
    ...eachUnit(t, (u) => hidden(`home ${u.label}`, { body: { homeUnitId: u.value.id, ...INTRUDER, grants: [{ unitId: u.value.id, role: fittingRole(u.value) }] } })),
    ...(me.can('account.manage')
      ? eachUnit(t, (u) => hidden(`own home, grant at ${u.label}`, { body: { homeUnitId: me.unit.id, ...INTRUDER, grants: [{ unitId: u.value.id, role: fittingRole(u.value) }] } }))
      : []),
  ],
  'GET /accounts': (t) => [
    seen('own scope', {}, [200, 403]),
    ...eachUnit(t, (u) => hidden(`unitId ${u.label}`, { query: { unitId: u.value.id } })),
    ...t.cursors.flatMap((c) => (c.value.accounts === null ? [] : [seen(`cursor of ${c.label}`, { query: { cursor: c.value.accounts } }, [200, 400, 403])])),
  ],
  'GET /accounts/:accountId': (t, me) => [
    ...t.accounts.map((a) => hidden(a.label, { params: { accountId: a.value.account.id } })),
    seen('own account', { params: { accountId: me.account.account.id } }),
  ],
  'PATCH /accounts/:accountId': (t) =>
    t.accounts.map((a) => hidden(a.label, { params: { accountId: a.value.account.id }, body: { version: a.value.account.version, name: 'Tên đổi thử' } })),
  'POST /accounts/:accountId/password': (t) =>
    t.accounts.map((a) => hidden(a.label, { params: { accountId: a.value.account.id }, body: { newPassword: 'mat-khau-xam-nhap-2025' } })),
  'POST /accounts/:accountId/grants': (t, me) => [
    ...t.accounts.flatMap((a) =>
      a.value.grants.slice(0, 1).map((g) => hidden(a.label, { params: { accountId: a.value.account.id }, body: { unitId: g.unitId, role: g.unit === null ? g.role : fittingRole(g.unit) } })),
    ),
    ...mine(me.managedAccount, (own) =>
      eachUnit(t, (u) => hidden(`own account, grant at ${u.label}`, { params: { accountId: own.account.id }, body: { unitId: u.value.id, role: fittingRole(u.value) } })),
    ),
  ],
  'DELETE /accounts/:accountId/grants/:unitId/:role': (t, me) => [
    ...t.accounts.flatMap((a) => a.value.grants.map((g) => hidden(`${a.label} (its own grant)`, { params: { accountId: a.value.account.id, unitId: g.unitId, role: g.role } }))),
    ...mine(me.managedAccount, (own) =>
      eachUnit(t, (u) => hidden(`own account, grant at ${u.label}`, { params: { accountId: own.account.id, unitId: u.value.id, role: fittingRole(u.value) } })),
    ),
  ],

  // Criteria sets: tenant-wide, read by every role of the tenant; the other tenant's never shows.
  'GET /criteria-sets': () => [seen('catalogue', {})],
  'GET /criteria-sets/built-in/:setKey': () => [seen('national 4725', { params: { setKey: '4725' } })],
  'GET /criteria-versions': () => (['published', 'draft', 'retired'] as const).map((status) => seen(status, { query: { status } })),
  'GET /criteria-sets/:setKey/versions/:number': (t, me) => [
    ...mine(t.criteria, ({ published, draft }) => [published, draft].map((v) => hidden(`${v.setKey}@${v.number}`, { params: versionParams(v) }))),
    seen('own 4725@1', { params: versionParams(ownVersion(me)) }),
  ],
  'POST /criteria-sets/drafts': (t) =>
    mine(t.criteria, ({ published: v }) => [hidden(`clone of ${v.setKey}@${v.number}`, { body: { from: 'clone', source: { setKey: v.setKey, number: v.number }, setKey: 'xam-nhap', label: 'thử' } })]),
  'PUT /criteria-sets/:setKey/versions/:number': (t) =>
    mine(t.criteria, ({ draft, draftDefinition }) => [hidden(`draft ${draft.setKey}@${draft.number}`, { params: versionParams(draft), body: { version: draft.version, definition: draftDefinition } })]),
  'POST /criteria-sets/:setKey/versions/:number/publish': (t) =>
    mine(t.criteria, ({ draft }) => [hidden(`draft ${draft.setKey}@${draft.number}`, { params: versionParams(draft), body: { version: draft.version } })]),
  'POST /criteria-sets/:setKey/versions/:number/retire': (t) =>
    mine(t.criteria, ({ published: v }) => [hidden(`published ${v.setKey}@${v.number}`, { params: versionParams(v), body: { version: v.version } })]),
  'GET /criteria-diff': (t, me) => [
    ...mine(t.criteria, ({ published: v }) => [hidden(`${v.setKey}@${v.number} against builtin:4725`, { query: { a: `${v.setKey}@${v.number}`, b: 'builtin:4725' } })]),
    seen('own 4725@1 against builtin:4725', { query: { a: 'builtin:4725', b: `${ownVersion(me).setKey}@${ownVersion(me).number}` } }),
  ],
  'POST /criteria-sets/:setKey/versions/:number/score': (t, me) => [
    ...mine(t.criteria, ({ published: v }) => [hidden(`${v.setKey}@${v.number}`, { params: versionParams(v), body: { answers: {}, awards: {} } })]),
    seen('own 4725@1', { params: versionParams(ownVersion(me)), body: { answers: {}, awards: {} } }),
  ],

  // Campaigns
  'POST /campaigns': (t, me) => [
    ...eachUnit(t, (u) => hidden(`owner ${u.label}`, { body: { ...campaignBody(ownVersion(me), { ownerUnitId: u.value.id }), name: 'Kỳ đánh giá xâm nhập' } })),
    ...mine(me.managedCampaign, (own) =>
      mine(t.criteria, ({ published }) => [
        refusedAsMissing(`own owner, criteria ${published.setKey}@${published.number}`, 'version-not-found', {
          body: { ...campaignBody({ setKey: published.setKey, number: published.number }, { ownerUnitId: own.ownerUnitId }), name: 'Kỳ đánh giá xâm nhập' },
        }),
      ]),
    ),
  ],
  'GET /campaigns': () => [seen('own campaigns', {})],
  'GET /campaigns/:campaignId': (t, me) => [
    ...t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id } })),
    ...me.readableCampaigns.map((c) => seen(`own “${c.name}”`, { params: { campaignId: c.id } })),
  ],
  'PATCH /campaigns/:campaignId': (t) => t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id }, body: { version: c.value.version, name: 'Tên kỳ đổi thử' } })),
  'POST /campaigns/:campaignId/open': (t) => t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id }, body: { version: c.value.version } })),
  'POST /campaigns/:campaignId/close': (t) => t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id }, body: { version: c.value.version } })),
  'POST /campaigns/:campaignId/extensions': (t, me) => [
    ...t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id }, body: { unitId: (t.units.find((u) => isSchool(u.value))?.value ?? me.school).id, until: UNTIL } })),
    ...mine(me.managedCampaign, (own) => eachUnit(t, (u) => hidden(`own campaign, unit ${u.label}`, { params: { campaignId: own.id }, body: { unitId: u.value.id, until: UNTIL } }))),
  ],
  'GET /campaigns/:campaignId/extensions': (t, me) => [
    ...t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id } })),
    ...me.readableCampaigns.map((c) => seen(`own “${c.name}”`, { params: { campaignId: c.id } }, [200, 403])),
  ],
  'GET /campaigns/:campaignId/history': (t, me) => [
    ...t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id } })),
    ...me.readableCampaigns.map((c) => seen(`own “${c.name}”`, { params: { campaignId: c.id } }, [200, 403])),
  ],

  // Submissions
  'GET /campaigns/:campaignId/progress': (t, me) => [
    ...t.campaigns.map((c) => hidden(c.label, { params: { campaignId: c.value.id } })),
    ...me.readableCampaigns.map((c) => seen(`own “${c.name}”`, { params: { campaignId: c.id } })),
  ],
  'GET /campaigns/:campaignId/submissions/:unitId': (t, me) => [
    ...onSubmissions()(t, me),
    ...ownSubmission(me).map((params) => seen('own submission', { params })),
  ],
  'PATCH /campaigns/:campaignId/submissions/:unitId': onSubmissions((s) => ({ version: s.version, comments: { '1.3': 'Xâm nhập' } })),
  'POST /campaigns/:campaignId/submissions/:unitId/submit': onSubmissions(step),
  'GET /campaigns/:campaignId/submissions/:unitId/history': (t, me) => [
    ...onSubmissions()(t, me),
    ...ownSubmission(me).map((params) => seen('own submission', { params })),
  ],

  // Reviews (external review, recognition, publication)
  'GET /campaigns/:campaignId/submissions/:unitId/review': onSubmissions(),
  'POST /campaigns/:campaignId/submissions/:unitId/review/start': onSubmissions(step),
  'PATCH /campaigns/:campaignId/submissions/:unitId/review': onSubmissions((s) => ({ version: s.version, comments: { '1.3': 'Nhận xét xâm nhập' } })),
  'POST /campaigns/:campaignId/submissions/:unitId/return': onSubmissions((s) => ({ version: s.version, comment: 'Trả lại thử' })),
  'POST /campaigns/:campaignId/submissions/:unitId/accept': onSubmissions(step),
  'POST /campaigns/:campaignId/submissions/:unitId/recognise': onSubmissions((s) => ({ version: s.version, decision: { number: '1/QĐ-THU', date: '2025-05-10' } })),
  'POST /campaigns/:campaignId/submissions/:unitId/publish': onSubmissions(step),
  'POST /campaigns/:campaignId/submissions/:unitId/reopen': onSubmissions((s) => ({ version: s.version, reason: 'Mở lại thử' })),

  // Evidence
  'GET /campaigns/:campaignId/submissions/:unitId/evidence': onSubmissions(),
  'POST /campaigns/:campaignId/submissions/:unitId/evidence/uploads': onSubmissions(() => FILE),
  'POST /campaigns/:campaignId/submissions/:unitId/evidence/files': onSubmissions((s) => ({ version: s.version, uploadId: 'tailenthu1234', ...FILE })),
  'GET /campaigns/:campaignId/submissions/:unitId/evidence/files/:evidenceId': onSubmissions(undefined, fileParams),
  'DELETE /campaigns/:campaignId/submissions/:unitId/evidence/files/:evidenceId': onSubmissions(step, fileParams),
  'POST /campaigns/:campaignId/submissions/:unitId/evidence/check-links': onSubmissions(),

  // Unit imports
  'POST /unit-imports': (t) => eachUnit(t, (u) => hidden(`scope ${u.label}`, { query: { scopeUnitId: u.value.id }, upload: unitListCsv('XAM-NHAP-01', 'Trường Tiểu học Xâm Nhập') })),
  'GET /unit-imports/:importId': (t, me) => [
    ...t.imports.map((i) => hidden(i.label, { params: { importId: i.value.importId } })),
    ...(me.ownImport === null ? [] : [seen('own import', { params: { importId: me.ownImport.importId } })]),
  ],
  'POST /unit-imports/:importId/apply': (t) => t.imports.map((i) => hidden(i.label, { params: { importId: i.value.importId }, body: { version: i.value.version } })),
};

/** Routes outside this suite, and why: they are not called as a tenant's account, so no grant scopes them. */
export const OUT_OF_SUITE: Record<string, string> = {
  'GET /health': 'public: says whether the API and its table answer, about no tenant',
  'GET /docs': 'public: the API reference page',
  'POST /auth/sign-in': 'public: names its tenant in the body; signing in to another province is the sign-in tests’ concern',
  'POST /tenants': 'system admin (platform operator), not an account of a tenant',
  'GET /tenants': 'system admin (platform operator), not an account of a tenant',
  'GET /tenants/:tenantId': 'system admin (platform operator), not an account of a tenant',
  'PATCH /tenants/:tenantId': 'system admin (platform operator), not an account of a tenant',
  'GET /tenants/:tenantId/audit-events': 'system admin (platform operator), not an account of a tenant',
  'POST /tenants/:tenantId/admins': 'system admin (platform operator), not an account of a tenant',
  'GET /public/:tenantId/results': 'public: the published results of a province, for anyone, signed in or not',
  'GET /public/:tenantId/units/:unitId/results': 'public: the published results of a unit, for anyone, signed in or not',
  'PUT /evidence-objects/:token': 'no account: the signed token in the path is the credential (the local stand-in for S3 presigned URLs)',
  'GET /evidence-objects/:token': 'no account: the signed token in the path is the credential (the local stand-in for S3 presigned URLs)',
};
