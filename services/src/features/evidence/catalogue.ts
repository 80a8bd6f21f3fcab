import type { Definition, LocalizedText, ScoreResult } from '@chiso/criteria';
import type { Caller } from '../../auth/caller.ts';
import { pinnedDefinition } from '../campaigns/criteria.ts';
import type { EvidenceItem, SubmissionContent } from '../submissions/schemas.ts';
import { scoreContent } from '../submissions/scoring.ts';
import { loadOrJoin, locate } from '../submissions/use-cases.ts';
import type { EvidenceDeps } from './files.ts';
import type { Catalogue, CatalogueItem, LinkCheck, LinkReport } from './schemas.ts';

const text = (value: LocalizedText | undefined) => (value === undefined ? null : { vi: value.vi, en: value.en ?? null });

/** The slots the core reports as missing evidence, as `criterion/slot`. */
function missingSlots(score: ScoreResult): Set<string> {
  const slots = new Set<string>();
  for (const problem of score.missing) {
    const [root, criterionId, slotId] = problem.path;
    if (problem.code === 'missing.evidence' && root === 'evidence') slots.add(`${String(criterionId)}/${String(slotId)}`);
  }
  return slots;
}

function catalogueItem(item: EvidenceItem, checks: Map<string, LinkCheck>, filesPath: string): CatalogueItem {
  if (item.kind === 'file') {
    const { storageKey: _key, ...file } = item;
    return { ...file, downloadPath: `${filesPath}/${item.id}` };
  }
  const check = checks.get(item.id);
  // A report older than the link's last edit says nothing about the link as it is now.
  const lastCheck =
    check === undefined || check.url !== item.url
      ? null
      : { outcome: check.outcome, status: check.status, message: check.message, messageEn: check.messageEn, checkedAt: check.checkedAt };
  return { ...item, lastCheck };
}

/**
 * The catalogue (danh mục minh chứng) of a content on its definition: every criterion and evidence
 * slot in the definition's order, with the slot's guidance, whether it is required with the present
 * answers (the core's own rule, `requiredWhen` included) and still empty, and its links and files.
 */
export function buildCatalogue(definition: Definition, content: Pick<SubmissionContent, 'answers' | 'awards' | 'evidence'>, report: LinkReport | null, filesPath: string) {
  // Scored once with no evidence at all: every slot required by the present answers shows up as missing.
  const required = missingSlots(scoreContent(definition, { ...content, evidence: {} }));
  const missing = missingSlots(scoreContent(definition, content));
  const checks = new Map((report?.links ?? []).map((check) => [check.evidenceId, check]));
  const counts = { links: 0, files: 0, fileBytes: 0, missingSlots: missing.size };
  const criteria = definition.groups.flatMap((group) =>
    group.criteria.map((criterion) => ({
      groupId: group.id,
      criterionId: criterion.id,
      title: { vi: criterion.title.vi, en: criterion.title.en ?? null },
      guidance: text(criterion.guidance),
      slots: criterion.evidence.map((slot) => {
        const items = content.evidence[criterion.id]?.[slot.id] ?? [];
        for (const item of items) {
          if (item.kind === 'link') counts.links += 1;
          else {
            counts.files += 1;
            counts.fileBytes += item.size;
          }
        }
        return {
          id: slot.id,
          kind: slot.kind,
          label: { vi: slot.label.vi, en: slot.label.en ?? null },
          guidance: text(slot.guidance),
          required: required.has(`${criterion.id}/${slot.id}`),
          missing: missing.has(`${criterion.id}/${slot.id}`),
          acceptsFiles: slot.kind !== 'link',
          items: items.map((item) => catalogueItem(item, checks, filesPath)),
        };
      }),
    })),
  );
  return { counts, criteria };
}

/** The evidence catalogue of a submission, for anyone who may read it. */
export async function evidenceCatalogue(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string): Promise<Catalogue> {
  const located = await locate(deps, caller, campaignId, unitId, 'submission.read');
  const stored = await loadOrJoin(deps, caller, located);
  const [definition, report] = await Promise.all([pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria), deps.evidence.linkReport(caller.ctx, campaignId, unitId)]);
  const { counts, criteria } = buildCatalogue(definition, stored.content, report, `/api/campaigns/${campaignId}/submissions/${unitId}/evidence/files`);
  return {
    campaignId,
    unitId,
    definition: stored.head.criteria,
    counts,
    linkCheck: report === null ? null : { checkedAt: report.checkedAt, checkedBy: report.checkedBy, complete: report.complete },
    criteria,
  };
}
