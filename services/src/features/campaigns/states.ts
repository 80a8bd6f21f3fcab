import { StateConflictError } from '../../errors.ts';
import type { Campaign, CampaignStatus } from './schemas.ts';

export type CampaignAction = 'edit' | 'open' | 'close';

/** draft → open → closed. A draft is edited freely; an open campaign only in its deadlines; a closed one not at all. */
const ALLOWED: Record<CampaignStatus, readonly CampaignAction[]> = {
  draft: ['edit', 'open'],
  open: ['edit', 'close'],
  closed: [],
};

const NEXT: Partial<Record<CampaignAction, { from: CampaignStatus; to: CampaignStatus }>> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

const ACTION_LABELS: Record<CampaignAction, string> = { edit: 'sửa', open: 'mở', close: 'đóng' };
const STATUS_LABELS: Record<CampaignStatus, string> = { draft: 'đang soạn', open: 'đang diễn ra', closed: 'đã đóng' };

/** A 409 naming what is allowed instead, one detail per allowed action. */
export function illegalCampaignTransition(campaign: Campaign, action: CampaignAction): StateConflictError {
  const allowed = ALLOWED[campaign.status];
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  return new StateConflictError(
    'illegal-transition',
    `Không thể ${ACTION_LABELS[action]} kỳ đánh giá ${STATUS_LABELS[campaign.status]}; được phép: ${list}`,
    `Cannot ${action} a campaign that is ${campaign.status}; allowed now: ${list}`,
    allowed.map((name) => ({ path: 'status', code: `allowed.${name}`, messageVi: name, messageEn: name })),
    campaign.version,
  );
}

/** Refuses `action` unless the campaign's status allows it. */
export function assertCampaignAllows(campaign: Campaign, action: CampaignAction): void {
  if (!ALLOWED[campaign.status].includes(action)) throw illegalCampaignTransition(campaign, action);
}

/** The status `action` moves the campaign to, or the 409. */
export function nextCampaignStatus(campaign: Campaign, action: 'open' | 'close'): CampaignStatus {
  const step = NEXT[action];
  if (step === undefined || step.from !== campaign.status) throw illegalCampaignTransition(campaign, action);
  return step.to;
}
