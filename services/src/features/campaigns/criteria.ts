import { type Definition, type UnitKind, UNIT_KIND_LABELS, parseDefinition } from '@chiso/criteria';
import { isOfficeKind } from '../../auth/roles.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type ErrorDetail, InvalidInputsError, StateConflictError } from '../../errors.ts';
import { contentHash } from '../criteria-sets/content-hash.ts';
import type { CriteriaSetRepository } from '../criteria-sets/repository.ts';
import type { CriteriaVersion } from '../criteria-sets/schemas.ts';
import type { Campaign, CriteriaAssignment } from './schemas.ts';

/** Which version a campaign applies to a kind of school; null when the kind is not part of it. */
export function assignmentFor(campaign: Pick<Campaign, 'criteria'>, kind: UnitKind): CriteriaAssignment | null {
  return campaign.criteria.find((assignment) => assignment.kinds.includes(kind)) ?? null;
}

// Published and retired definitions never change, and a submission is scored on every read and
// autosave: keeping the parsed ones saves a 40 KB parse each time. Keyed by content hash, so a
// stale entry cannot exist; bounded, so a long-lived process does not grow.
const CACHE_LIMIT = 32;
const cache = new Map<string, Definition>();

/**
 * The definition of a version, checked against the content hash it was pinned with. A mismatch means
 * the table was changed behind the platform's back: a 500, never a silent rescoring.
 */
export async function pinnedDefinition(
  sets: CriteriaSetRepository,
  ctx: TenantContext,
  pin: { setKey: string; number: number; contentHash: string },
): Promise<Definition> {
  const key = `${ctx.tenantId}|${pin.setKey}|${pin.number}|${pin.contentHash}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const json = await sets.getDefinitionJson(ctx, pin.setKey, pin.number);
  const parsed = json === null ? null : parseDefinition(JSON.parse(json));
  if (parsed === null || !parsed.ok) throw new Error(`The stored definition of ${pin.setKey}@${pin.number} is missing or does not parse`);
  if (contentHash(parsed.definition) !== pin.contentHash) throw new Error(`The definition of ${pin.setKey}@${pin.number} no longer has its pinned content hash`);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, parsed.definition);
  return parsed.definition;
}

interface AssignmentInput {
  kinds: UnitKind[];
  setKey: string;
  number: number;
}

function detail(path: string, code: string, messageVi: string, messageEn: string): ErrorDetail {
  return { path, code, messageVi, messageEn };
}

/**
 * Checks what a campaign applies to whom and pins each version's label and hash. Refused (400, each
 * problem with its path under `at`): a kind twice, an office kind (offices review, they are not
 * assessed here), a version that is missing or not published, a kind the version's definition does not
 * say it applies to (a primary-school set given to preschools would score nonsense).
 */
export async function resolveAssignments(sets: CriteriaSetRepository, ctx: TenantContext, inputs: AssignmentInput[], at: string): Promise<CriteriaAssignment[]> {
  const problems: ErrorDetail[] = [];
  const seen = new Map<UnitKind, number>();
  inputs.forEach((input, i) =>
    input.kinds.forEach((kind, k) => {
      const path = `${at}[${i}].kinds[${k}]`;
      const label = UNIT_KIND_LABELS[kind];
      if (isOfficeKind(kind))
        problems.push(detail(path, 'not-a-school-kind', `${label.vi} không phải loại trường được đánh giá`, `${label.en ?? kind} is not a kind of school that is assessed`));
      const first = seen.get(kind);
      if (first !== undefined)
        problems.push(detail(path, 'duplicate-kind', `Loại đơn vị "${label.vi}" đã được gán bộ chỉ số ở mục ${first + 1}`, `The kind "${kind}" already has a version in entry ${first + 1}`));
      else seen.set(kind, i);
    }),
  );
  const resolved = await Promise.all(
    inputs.map(async (input, i): Promise<CriteriaAssignment | null> => {
      const path = `${at}[${i}]`;
      const version = await sets.getVersion(ctx, input.setKey, input.number);
      const usable = versionProblem(version, input, path);
      if (usable !== null || version === null) {
        if (usable !== null) problems.push(usable);
        return null;
      }
      const definition = await pinnedDefinition(sets, ctx, version);
      input.kinds.forEach((kind, k) => {
        if (!definition.appliesTo.includes(kind))
          problems.push(
            detail(
              `${path}.kinds[${k}]`,
              'kind-not-covered',
              `Bộ chỉ số ${input.setKey}@${input.number} không áp dụng cho loại đơn vị "${UNIT_KIND_LABELS[kind].vi}"`,
              `The set ${input.setKey}@${input.number} does not apply to the kind "${kind}"`,
            ),
          );
      });
      return { kinds: [...new Set(input.kinds)], setKey: version.setKey, number: version.number, label: version.label, contentHash: version.contentHash };
    }),
  );
  if (problems.length > 0) throw new InvalidInputsError(problems);
  return resolved.flatMap((assignment) => (assignment === null ? [] : [assignment]));
}

function versionProblem(version: CriteriaVersion | null, input: AssignmentInput, path: string): ErrorDetail | null {
  const name = `${input.setKey}@${input.number}`;
  if (version === null) return detail(path, 'version-not-found', `Không có phiên bản bộ chỉ số ${name}`, `There is no criteria version ${name}`);
  if (version.status !== 'published')
    return detail(
      path,
      'version-not-published',
      `Phiên bản ${name} đang ở trạng thái "${version.status}"; kỳ đánh giá chỉ dùng phiên bản đã ban hành`,
      `Version ${name} is ${version.status}; a campaign uses published versions only`,
    );
  return null;
}

/** Before opening: every chosen version must still be published (one may have been retired since). */
export async function assertStillPublished(sets: CriteriaSetRepository, ctx: TenantContext, campaign: Campaign): Promise<void> {
  const problems: ErrorDetail[] = [];
  await Promise.all(
    campaign.criteria.map(async (assignment, i) => {
      const version = await sets.getVersion(ctx, assignment.setKey, assignment.number);
      const problem = versionProblem(version, assignment, `criteria[${i}]`);
      if (problem !== null) problems.push(problem);
    }),
  );
  if (problems.length > 0)
    throw new StateConflictError(
      'version-not-published',
      'Chưa thể mở kỳ đánh giá: có phiên bản bộ chỉ số không còn được ban hành',
      'Cannot open the campaign: a chosen criteria version is no longer published',
      problems,
      campaign.version,
    );
}
