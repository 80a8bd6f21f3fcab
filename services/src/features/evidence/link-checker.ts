import type { Definition } from '@chiso/criteria';
import type { Caller } from '../../auth/caller.ts';
import { HttpError } from '../../http/errors.ts';
import { pinnedDefinition } from '../campaigns/criteria.ts';
import type { EvidenceMap } from '../submissions/schemas.ts';
import { loadOrJoin, locate } from '../submissions/use-cases.ts';
import type { Resolver } from './address-guard.ts';
import type { EvidenceDeps } from './files.ts';
import { type ProbeResult, probeLink } from './link-probe.ts';
import type { LinkCheck, LinkOutcome, LinkReport } from './schemas.ts';

/** How links are checked; only `allowPrivateTargets` comes from the configuration, the rest are for tests. */
export interface LinkCheckSettings {
  /** Off in production (SSRF): loopback, private and link-local targets are reported `blocked`. */
  allowPrivateTargets: boolean;
  timeoutMs?: number;
  concurrency?: number;
  maxRedirects?: number;
  /** No link starts later than this after the run began (Lambda stops at 20 s); the rest are `not-checked`. */
  startWithinMs?: number;
  /** A new run of the same submission waits this long after the last (a school cannot make us hammer a site). */
  cooldownMs?: number;
  resolver?: Resolver;
}

const DEFAULTS = { timeoutMs: 5_000, concurrency: 8, maxRedirects: 5, startWithinMs: 10_000, cooldownMs: 30_000 };

interface LinkRef {
  evidenceId: string;
  criterionId: string;
  slotId: string;
  url: string;
}

/** Every link of the evidence, in the definition's order of criteria and slots. */
function linksOf(definition: Definition, evidence: EvidenceMap): LinkRef[] {
  return definition.groups.flatMap((group) =>
    group.criteria.flatMap((criterion) =>
      criterion.evidence.flatMap((slot) =>
        (evidence[criterion.id]?.[slot.id] ?? []).flatMap((item) =>
          item.kind === 'link' ? [{ evidenceId: item.id, criterionId: criterion.id, slotId: slot.id, url: item.url }] : [],
        ),
      ),
    ),
  );
}

function messages(result: ProbeResult | null, settings: Required<Omit<LinkCheckSettings, 'resolver'>>): { message: string; messageEn: string } {
  if (result === null)
    return { message: 'Chưa kiểm tra: lượt kiểm tra đã hết thời gian; hãy chạy lại', messageEn: 'Not checked: the run ran out of time; run it again' };
  const seconds = settings.timeoutMs / 1000;
  switch (result.outcome) {
    case 'ok':
      return { message: `Truy cập được (mã ${result.status})`, messageEn: `Reachable (status ${result.status})` };
    case 'error-status':
      return { message: `Trang trả về lỗi ${result.status}`, messageEn: `The page answered with error ${result.status}` };
    case 'timeout':
      return { message: `Không trả lời trong ${seconds} giây`, messageEn: `No answer within ${seconds} seconds` };
    case 'blocked':
      return { message: 'Địa chỉ nội bộ hoặc không phải http(s): không được kiểm tra', messageEn: 'A private, loopback or non-http(s) address: not checked' };
    case 'unreachable':
      return result.reason === 'too-many-redirects'
        ? { message: `Chuyển hướng quá ${settings.maxRedirects} lần`, messageEn: `More than ${settings.maxRedirects} redirects` }
        : { message: `Không kết nối được (${result.reason})`, messageEn: `Could not connect (${result.reason})` };
  }
}

/**
 * Runs `work` over `items`, `concurrency` at a time; an item not started before `startBy` gets null.
 */
async function pooled<T, R>(items: T[], concurrency: number, startBy: number, work: (item: T) => Promise<R>): Promise<(R | null)[]> {
  const results: (R | null)[] = items.map(() => null);
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < startBy) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Checks every link of a submission (each address once, however often it is attached) and stores the
 * report as the submission's last one. Anyone who may read the submission may run it: the school before
 * submitting, the reviewer while reviewing (seed 000: links must stay reachable until publication).
 */
export async function checkLinks(deps: EvidenceDeps, caller: Caller, campaignId: string, unitId: string, options: LinkCheckSettings): Promise<LinkReport> {
  const settings = { ...DEFAULTS, ...options };
  const located = await locate(deps, caller, campaignId, unitId, 'submission.read');
  const last = await deps.evidence.linkReport(caller.ctx, campaignId, unitId);
  const waitMs = last === null ? 0 : Date.parse(last.checkedAt) + settings.cooldownMs - Date.now();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new HttpError(429, 'link-check-too-soon', `Vừa kiểm tra xong; hãy thử lại sau ${seconds} giây`, `Links were just checked; try again in ${seconds} seconds`, [], {
      'Retry-After': String(seconds),
    });
  }
  const stored = await loadOrJoin(deps, caller, located);
  const definition = await pinnedDefinition(deps.sets, caller.ctx, stored.head.criteria);
  const links = linksOf(definition, stored.content.evidence);
  const urls = [...new Set(links.map((link) => link.url))];
  const started = Date.now();
  const probed = await pooled(urls, settings.concurrency, started + settings.startWithinMs, async (url) => ({
    result: await probeLink(url, settings),
    checkedAt: new Date().toISOString(),
  }));
  const byUrl = new Map(urls.map((url, i) => [url, probed[i] ?? null]));
  const checkedAt = new Date().toISOString();
  const checks: LinkCheck[] = links.map((link) => {
    const probe = byUrl.get(link.url) ?? null;
    const result = probe?.result ?? null;
    const outcome: LinkOutcome = result?.outcome ?? 'not-checked';
    return {
      ...link,
      outcome,
      status: result?.status ?? null,
      finalUrl: result?.finalUrl ?? null,
      redirects: result?.redirects ?? 0,
      reason: result?.reason ?? (result === null ? 'not-checked' : null),
      ...messages(result, settings),
      checkedAt: probe?.checkedAt ?? checkedAt,
      durationMs: result?.durationMs ?? 0,
    };
  });
  const counts: Record<LinkOutcome, number> = { ok: 0, 'error-status': 0, unreachable: 0, timeout: 0, blocked: 0, 'not-checked': 0 };
  for (const check of checks) counts[check.outcome] += 1;
  const report: LinkReport = { campaignId, unitId, checkedAt, checkedBy: caller.accountId, complete: counts['not-checked'] === 0, counts, links: checks };
  await deps.evidence.putLinkReport(caller.ctx, report);
  return report;
}
