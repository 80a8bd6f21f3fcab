import {
  type Definition,
  type DefinitionDiff,
  type ScoreResult,
  blankDefinition,
  canonicalJson,
  diffDefinitions,
  parseDefinition,
  scoreSubmission,
  validateDefinition,
} from '@chiso/criteria';
import { BUILT_IN_SETS, findBuiltInSet } from '@chiso/criteria/sets';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { InvalidInputsError, NotFoundError, StateConflictError } from '../../errors.ts';
import { contentHash } from './content-hash.ts';
import { countProblems, type ProblemDetail, toErrorDetail, toProblemDetail } from './problems.ts';
import type { CriteriaSetRepository } from './repository.ts';
import type { CreateDraft, CriteriaSet, CriteriaVersion, DraftSource, ScoreSample, UpdateDraft, VersionStatus } from './schemas.ts';

export interface CriteriaDeps {
  sets: CriteriaSetRepository;
  now?: () => string;
}

/** A version with its definition and what the linter says of it. */
export interface VersionDetail {
  version: CriteriaVersion;
  definition: Definition;
  problems: ProblemDetail[];
}

const now = (deps: CriteriaDeps) => (deps.now ?? (() => new Date().toISOString()))();

/** The tenant's sets with their versions, and the national sets every tenant may clone. */
export async function listCatalogue(deps: CriteriaDeps, ctx: TenantContext) {
  const sets = await deps.sets.listSets(ctx);
  const withVersions = await Promise.all(sets.map(async (set) => ({ ...set, versions: await deps.sets.listVersions(ctx, set.setKey) })));
  return { sets: withVersions, builtIn: BUILT_IN_SETS.map((definition) => builtInSummary(definition)) };
}

function builtInSummary(definition: Definition) {
  return {
    setKey: definition.setKey,
    label: definition.version,
    title: definition.title.vi,
    decision: definition.legalBasis.decision,
    contentHash: contentHash(definition),
  };
}

/** A national set with its definition: what a province reads before cloning it. */
export function getBuiltInSet(setKey: string) {
  const definition = findBuiltInSet(setKey);
  if (definition === undefined) throw new NotFoundError({ type: 'criteria-set', id: setKey });
  return { ...builtInSummary(definition), definition };
}

/** The published versions of the tenant, across its sets: what a campaign may apply. */
export function listPublished(deps: CriteriaDeps, ctx: TenantContext): Promise<CriteriaVersion[]> {
  return deps.sets.listByStatus(ctx, 'published');
}

/** The tenant's versions in one status, across its sets (drafts in progress, retired ones). */
export function listVersionsByStatus(deps: CriteriaDeps, ctx: TenantContext, status: VersionStatus): Promise<CriteriaVersion[]> {
  return deps.sets.listByStatus(ctx, status);
}

async function requireVersion(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number): Promise<CriteriaVersion> {
  const version = await deps.sets.getVersion(ctx, setKey, number);
  if (version === null) throw new NotFoundError({ type: 'criteria-version', id: `${setKey}@${number}` });
  return version;
}

async function definitionOf(deps: CriteriaDeps, ctx: TenantContext, version: CriteriaVersion): Promise<Definition> {
  const json = await deps.sets.getDefinitionJson(ctx, version.setKey, version.number);
  const parsed = json === null ? null : parseDefinition(JSON.parse(json));
  // Only definitions that parsed are ever stored, so this is a broken table, not bad input.
  if (parsed === null || !parsed.ok) throw new Error(`The stored definition of ${version.setKey}@${version.number} does not parse`);
  return { ...parsed.definition, status: version.status };
}

/** A version with its definition and its problems. */
export async function getVersion(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number): Promise<VersionDetail> {
  const version = await requireVersion(deps, ctx, setKey, number);
  const definition = await definitionOf(deps, ctx, version);
  return { version, definition, problems: validateDefinition(definition).map((p) => toProblemDetail(p)) };
}

/** Reads a definition sent by a client; every shape problem is reported at once, under `at`. */
function readDefinition(input: unknown, at: string[]): Definition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new InvalidInputsError(parsed.problems.map((p) => toErrorDetail(p, at)));
  return parsed.definition;
}

async function sourceDefinition(deps: CriteriaDeps, ctx: TenantContext, source: DraftSource): Promise<Definition> {
  if ('builtIn' in source) {
    const definition = findBuiltInSet(source.builtIn);
    if (definition === undefined) throw new NotFoundError({ type: 'criteria-set', id: source.builtIn });
    return definition;
  }
  return definitionOf(deps, ctx, await requireVersion(deps, ctx, source.setKey, source.number));
}

/** Starts a draft: blank, cloned from a version (the tenant's or a national set), or imported JSON. */
export async function createDraft(deps: CriteriaDeps, ctx: TenantContext, request: CreateDraft): Promise<VersionDetail> {
  let draft: Definition;
  if (request.from === 'blank') {
    draft = blankDefinition({ setKey: request.setKey, version: request.label, title: request.title, date: now(deps).slice(0, 10) });
  } else if (request.from === 'clone') {
    const source = await sourceDefinition(deps, ctx, request.source);
    const setKey = request.setKey ?? ('builtIn' in request.source ? request.source.builtIn : request.source.setKey);
    draft = {
      ...source,
      setKey,
      version: request.label,
      status: 'draft',
      derivedFrom: { setKey: source.setKey, version: source.version, contentHash: contentHash(source) },
    };
  } else {
    draft = { ...readDefinition(request.definition, ['body', 'definition']), status: 'draft' };
  }
  const set = await deps.sets.getSet(ctx, draft.setKey);
  return saveNewVersion(deps, ctx, set, draft);
}

async function saveNewVersion(deps: CriteriaDeps, ctx: TenantContext, set: CriteriaSet | null, draft: Definition): Promise<VersionDetail> {
  const problems = validateDefinition(draft);
  const at = now(deps);
  const version = await deps.sets.insertVersion(ctx, set, {
    version: {
      setKey: draft.setKey,
      number: (set?.latestNumber ?? 0) + 1,
      label: draft.version,
      title: draft.title.vi,
      appliesTo: [...draft.appliesTo],
      status: 'draft',
      contentHash: contentHash(draft),
      derivedFrom: draft.derivedFrom ?? null,
      problems: countProblems(problems),
      createdAt: at,
      updatedAt: at,
      publishedAt: null,
      retiredAt: null,
    },
    definitionJson: canonicalJson(draft),
  });
  return { version, definition: draft, problems: problems.map((p) => toProblemDetail(p)) };
}

const ALLOWED: Record<VersionStatus, { action: string; to: VersionStatus }[]> = {
  draft: [{ action: 'publish', to: 'published' }],
  published: [{ action: 'retire', to: 'retired' }],
  retired: [],
};

function illegal(version: CriteriaVersion, action: string): StateConflictError {
  const allowed = ALLOWED[version.status].map((t) => t.action);
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  return new StateConflictError(
    'illegal-transition',
    `Không thể ${action === 'edit' ? 'sửa' : action === 'publish' ? 'ban hành' : 'ngừng áp dụng'} phiên bản ở trạng thái "${version.status}"; được phép: ${list}`,
    `Cannot ${action} a version that is ${version.status}; allowed now: ${list}`,
    allowed.map((name) => ({ path: 'status', code: `allowed.${name}`, messageVi: name, messageEn: name })),
    version.version,
  );
}

/**
 * Replaces a draft's definition, from the version the editor read. Shape problems are refused (400);
 * the linter's problems are returned with the saved draft, which can be published only once they are gone.
 */
export async function updateDraft(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number, request: UpdateDraft): Promise<VersionDetail> {
  const current = await requireVersion(deps, ctx, setKey, number);
  const definition = readDefinition(request.definition, ['body', 'definition']);
  if (current.status !== 'draft') throw illegal(current, 'edit');
  if (definition.setKey !== setKey)
    throw new InvalidInputsError([
      {
        path: 'body.definition.setKey',
        code: 'set-key-mismatch',
        messageVi: `Mã bộ chỉ số phải là "${setKey}"`,
        messageEn: `The set key must be "${setKey}"`,
      },
    ]);
  const draft: Definition = { ...definition, status: 'draft', derivedFrom: current.derivedFrom ?? undefined };
  if (current.derivedFrom === null) delete draft.derivedFrom;
  const problems = validateDefinition(draft);
  const updated = await deps.sets.replaceDraft(
    ctx,
    { ...current, version: request.version },
    { ...current, label: draft.version, title: draft.title.vi, appliesTo: [...draft.appliesTo], contentHash: contentHash(draft), problems: countProblems(problems), updatedAt: now(deps) },
    canonicalJson(draft),
  );
  return { version: updated, definition: draft, problems: problems.map((p) => toProblemDetail(p)) };
}

/** Publishes a draft that the linter finds no error in; from then on it never changes. */
export async function publishVersion(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number, seen: number): Promise<CriteriaVersion> {
  const current = await requireVersion(deps, ctx, setKey, number);
  if (current.status !== 'draft') throw illegal(current, 'publish');
  const definition = await definitionOf(deps, ctx, current);
  const errors = validateDefinition(definition).filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new StateConflictError(
      'not-publishable',
      `Chưa thể ban hành: bộ chỉ số còn ${errors.length} lỗi`,
      `Cannot publish: the set still has ${errors.length} errors`,
      errors.map((p) => toErrorDetail(p, ['definition'])),
      current.version,
    );
  const taken = (await deps.sets.listVersions(ctx, setKey)).find((v) => v.number !== number && v.status !== 'draft' && v.label === current.label);
  if (taken)
    throw new StateConflictError(
      'label-taken',
      `Tên phiên bản "${current.label}" đã được dùng cho phiên bản số ${taken.number}`,
      `The version label "${current.label}" is already used by version ${taken.number}`,
      [{ path: 'definition.version', code: 'label-taken', messageVi: 'Hãy đặt tên phiên bản khác', messageEn: 'Choose another version label' }],
      current.version,
    );
  return deps.sets.setStatus(ctx, { ...current, version: seen }, 'published', now(deps));
}

/** Retires a published version: campaigns can no longer choose it; its submissions keep it. */
export async function retireVersion(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number, seen: number): Promise<CriteriaVersion> {
  const current = await requireVersion(deps, ctx, setKey, number);
  if (current.status !== 'published') throw illegal(current, 'retire');
  return deps.sets.setStatus(ctx, { ...current, version: seen }, 'retired', now(deps));
}

/** A version of the tenant, or a national set: what `diff` compares. */
export type VersionRef = { setKey: string; number: number } | { builtIn: string };

/** What changed from `a` to `b`. */
export async function diffVersions(deps: CriteriaDeps, ctx: TenantContext, a: VersionRef, b: VersionRef): Promise<DefinitionDiff> {
  const [left, right] = await Promise.all([sourceDefinition(deps, ctx, a), sourceDefinition(deps, ctx, b)]);
  return diffDefinitions(left, right);
}

/** Scores sample answers against a version without saving anything (the builder's test panel). */
export async function scoreSample(deps: CriteriaDeps, ctx: TenantContext, setKey: string, number: number, sample: ScoreSample): Promise<ScoreResult> {
  const definition = await definitionOf(deps, ctx, await requireVersion(deps, ctx, setKey, number));
  return scoreSubmission(definition, sample.answers, sample.awards, sample.evidence ? { evidence: sample.evidence } : {});
}
