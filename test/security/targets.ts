import { type Role, isOfficeKind } from '../../services/src/auth/roles.ts';
import { type Action, ROLE_ACTIONS } from '../../services/src/auth/scope.ts';
import type { AccountDetail } from '../../services/src/features/accounts/schemas.ts';
import type { Campaign } from '../../services/src/features/campaigns/schemas.ts';
import type { CriteriaVersion } from '../../services/src/features/criteria-sets/schemas.ts';
import type { ImportJob } from '../../services/src/features/unit-imports/schemas.ts';
import type { Unit } from '../../services/src/features/units/schemas.ts';
import type { AccountName, UnitName } from '../../services/src/testing/province.ts';
import type { Headers } from './api.ts';
import { ACCOUNT_NAMES, type Province, SECRET_TEXT, TENANT_B, type World } from './world.ts';

/**
 * Who attacks what. Three scenarios of the issue: every account of province A against province B; the
 * reviewer and the office admin of Phòng A against what belongs to Phòng B; the head and the editor of
 * school A1 against school A2, and the head of A1 against school B1.
 */

export type Scenario = 'cross-tenant' | 'cross-district' | 'school-to-school';
export type TargetName = 'province B' | 'Phòng B' | 'school A2' | 'school B1';

export interface Attack {
  scenario: Scenario;
  attacker: AccountName;
  target: TargetName;
}

export const ATTACKS: readonly Attack[] = [
  ...ACCOUNT_NAMES.map((attacker): Attack => ({ scenario: 'cross-tenant', attacker, target: 'province B' })),
  { scenario: 'cross-district', attacker: 'reviewerA', target: 'Phòng B' },
  { scenario: 'cross-district', attacker: 'officeAdminA', target: 'Phòng B' },
  { scenario: 'school-to-school', attacker: 'headA1', target: 'school A2' },
  { scenario: 'school-to-school', attacker: 'editorA1', target: 'school A2' },
  { scenario: 'school-to-school', attacker: 'headA1', target: 'school B1' },
];

export interface Labelled<T> {
  label: string;
  value: T;
}

export interface ForeignSubmission {
  campaign: Campaign;
  unit: Unit;
  /** The submission's version as its owner reads it (1 where none exists: the request is refused before any version check). */
  version: number;
  /** An item of its evidence (a made-up id where it has none). */
  evidenceId: string;
}

/** An evidence id where a submission has none: the submission itself is what must be out of reach. */
export const MADE_UP_EVIDENCE = 'khongco1234';

/** What one attack aims at, and every string that must not reach the attacker. */
export interface Target {
  units: Labelled<Unit>[];
  accounts: Labelled<AccountDetail>[];
  campaigns: Labelled<Campaign>[];
  submissions: Labelled<ForeignSubmission>[];
  imports: Labelled<ImportJob>[];
  /** A criteria set of the other tenant whose key the attacker's tenant does not have. */
  criteria: { published: CriteriaVersion; draft: CriteriaVersion; draftDefinition: unknown } | null;
  /** Listing cursors of someone who sees the target, replayed by the attacker. */
  cursors: Labelled<{ units: string | null; accounts: string | null }>[];
  secrets: string[];
  /** Someone entitled to the target, and reads that show it: the control proving the secrets are what the API really shows. */
  owner: { headers: Headers; paths: string[] };
}

/** The attacker and what is legitimately its own, for requests that name its own resource beside a foreign one. */
export interface Attacker {
  name: AccountName;
  headers: Headers;
  role: Role;
  province: World['a'];
  account: AccountDetail;
  /** The unit of its grant: where its reach starts. */
  unit: Unit;
  /** Its school, or school A1 for those above schools: a unit of its own tenant to pair with foreign campaigns. */
  school: Unit;
  can(action: Action): boolean;
  /** A campaign it manages (the Sở's for the province admin, Phòng A's for its office admin). */
  managedCampaign: Campaign | null;
  /** Campaigns it may read: the Sở's, and Phòng A's within Phòng A. */
  readableCampaigns: Campaign[];
  /** An account it manages, to give foreign grants to. */
  managedAccount: AccountDetail | null;
  /** A unit it manages and may move (school A2), to move under a foreign parent. */
  movableUnit: Unit | null;
  /** Its own import, for the province admin. */
  ownImport: ImportJob | null;
}

function need<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`set-up: nothing named ${String(key)}`);
  return value;
}

export function attackerOf(world: World, name: AccountName): Attacker {
  const a = world.a;
  const units = a.seed.units;
  const account = need(a.accounts, name);
  const grant = account.grants[0];
  if (grant === undefined || account.grants.length !== 1) throw new Error(`set-up: ${name} should hold exactly one grant`);
  const unit = Object.values(units).find((candidate) => candidate.id === grant.unitId);
  if (unit === undefined) throw new Error(`set-up: the unit of ${name}'s grant is not in province A`);
  const can = (action: Action) => ROLE_ACTIONS[grant.role].has(action);
  const inPhongA = unit.parentId === null || unit.path.includes(`${units.phongA.id}/`);
  const isSchool = !isOfficeKind(unit.kind);
  return {
    name,
    headers: a.seed.headers[name],
    role: grant.role,
    province: a,
    account,
    unit,
    school: isSchool ? unit : units.schoolA1,
    can,
    managedCampaign: grant.role === 'province-admin' ? a.campaign : grant.role === 'office-admin' ? a.phongACampaign : null,
    readableCampaigns: inPhongA ? [a.campaign, a.phongACampaign] : [a.campaign],
    managedAccount: can('account.manage') ? need(a.accounts, 'editorA1') : null,
    movableUnit: can('unit.manage') ? units.schoolA2 : null,
    ownImport: grant.role === 'province-admin' ? a.importJob : null,
  };
}

function submissionAt(province: Province, campaign: Campaign, unit: Unit, label: string): Labelled<ForeignSubmission> {
  const view = province.submissions.find((s) => s.submission.campaignId === campaign.id && s.submission.unitId === unit.id);
  const evidence = Object.values(view?.submission.evidence ?? {}).flatMap((slots) => Object.values(slots).flat());
  return { label, value: { campaign, unit, version: view?.submission.version ?? 1, evidenceId: evidence[0]?.id ?? MADE_UP_EVIDENCE } };
}

const unitRefs = (province: Province, names: UnitName[], prefix: string): Labelled<Unit>[] =>
  names.map((name) => ({ label: `${prefix}${name}`, value: province.seed.units[name] }));

const accountRefs = (province: Province, names: (AccountName | 'extra')[], prefix: string): Labelled<AccountDetail>[] =>
  names.map((name) => ({ label: `${prefix}${name}`, value: need(province.accounts, name) }));

const idAndCode = (unit: Unit): string[] => (unit.code === null ? [unit.id] : [unit.id, unit.code]);

/** Every id, name and login of the given units and accounts. */
function secretsOf(units: Unit[], accounts: AccountDetail[]): string[] {
  return [
    ...units.flatMap((unit) => [...idAndCode(unit), unit.name]),
    ...accounts.flatMap(({ account }) => [account.id, account.login, account.name]),
  ];
}

/**
 * Province B, by representatives of each level of its tree (the root, an office, a school) and of its
 * accounts (the admin, a school head, one made through the API): all of them live under B's tenant key alike.
 */
function provinceB(world: World): Target {
  const b = world.b;
  const unitNames: UnitName[] = ['so', 'phongB', 'schoolB1'];
  const schools: UnitName[] = ['schoolB1'];
  const accounts = accountRefs(b, ['provinceAdmin', 'headB1', 'extra'], 'B.');
  const allUnits = Object.values(b.seed.units);
  return {
    units: unitRefs(b, unitNames, 'B.'),
    accounts,
    campaigns: [{ label: 'B.campaign', value: b.campaign }],
    submissions: schools.map((name) => submissionAt(b, b.campaign, b.seed.units[name], `B.campaign × B.${name}`)),
    imports: [{ label: 'B.import', value: b.importJob }],
    criteria: { published: b.bOnlyPublished, draft: b.bOnlyDraft, draftDefinition: b.bOnlyDraftDefinition },
    cursors: [{ label: 'B.provinceAdmin', value: b.cursors }],
    secrets: [
      // B's unit names and logins repeat A's but for the tenant id in them; ids, codes and the tenant id are B's alone.
      TENANT_B,
      ...allUnits.flatMap(idAndCode),
      ...[...b.accounts.values()].map(({ account }) => account.id),
      b.campaign.id,
      b.importJob.importId,
      b.extra.account.login,
      SECRET_TEXT.bCampaign,
      SECRET_TEXT.bComment,
      SECRET_TEXT.bLink,
      SECRET_TEXT.bOnlyLabel,
      SECRET_TEXT.bExtraName,
    ],
    owner: {
      headers: b.seed.headers.provinceAdmin,
      paths: [
        '/units',
        '/accounts?limit=100',
        '/campaigns',
        '/criteria-versions?status=draft',
        `/unit-imports/${b.importJob.importId}`,
        `/campaigns/${b.campaign.id}/submissions/${b.seed.units.schoolB1.id}`,
      ],
    },
  };
}

/** What belongs to Phòng B inside province A: the office, its school, their accounts, its campaign and import. */
function phongB(world: World, withOffice: boolean): Target {
  const a = world.a;
  const unitNames: UnitName[] = withOffice ? ['phongB', 'schoolB1'] : ['schoolB1'];
  const accountNames: (AccountName | 'extra')[] = withOffice ? ['reviewerB', 'headB1', 'extra'] : ['headB1', 'extra'];
  const units = unitRefs(a, unitNames, 'A.');
  const accounts = accountRefs(a, accountNames, 'A.');
  const schoolB1 = a.seed.units.schoolB1;
  return {
    units,
    accounts,
    campaigns: [{ label: 'A.phongBCampaign', value: a.phongBCampaign }],
    submissions: [submissionAt(a, a.campaign, schoolB1, 'A.campaign × A.schoolB1'), submissionAt(a, a.phongBCampaign, schoolB1, 'A.phongBCampaign × A.schoolB1')],
    imports: withOffice ? [{ label: 'A.phongBImport', value: a.phongBImport }] : [],
    criteria: null,
    cursors: [{ label: 'A.provinceAdmin', value: a.cursors }],
    secrets: [
      ...secretsOf([a.seed.units.phongB, schoolB1], [need(a.accounts, 'reviewerB'), need(a.accounts, 'headB1'), need(a.accounts, 'extra')]),
      a.phongBCampaign.id,
      a.phongBImport.importId,
      SECRET_TEXT.phongBCampaign,
      SECRET_TEXT.b1Comment,
      SECRET_TEXT.b1Link,
      SECRET_TEXT.aExtraName,
    ],
    owner: {
      headers: a.seed.headers.provinceAdmin,
      paths: ['/units', '/accounts?limit=100', '/campaigns', `/unit-imports/${a.phongBImport.importId}`, `/campaigns/${a.campaign.id}/submissions/${schoolB1.id}`],
    },
  };
}

function schoolA2(world: World): Target {
  const a = world.a;
  const unit = a.seed.units.schoolA2;
  const head = need(a.accounts, 'headA2');
  return {
    units: [{ label: 'A.schoolA2', value: unit }],
    accounts: [{ label: 'A.headA2', value: head }],
    campaigns: [],
    submissions: [submissionAt(a, a.campaign, unit, 'A.campaign × A.schoolA2')],
    imports: [],
    criteria: null,
    cursors: [{ label: 'A.provinceAdmin', value: a.cursors }],
    secrets: [...secretsOf([unit], [head]), SECRET_TEXT.a2Comment, SECRET_TEXT.a2Link],
    owner: { headers: a.seed.headers.headA2, paths: ['/units', '/accounts', `/campaigns/${a.campaign.id}/submissions/${unit.id}`] },
  };
}

export function targetOf(world: World, name: TargetName): Target {
  switch (name) {
    case 'province B':
      return provinceB(world);
    case 'Phòng B':
      return phongB(world, true);
    case 'school A2':
      return schoolA2(world);
    case 'school B1':
      return phongB(world, false);
  }
}
