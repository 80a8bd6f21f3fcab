import { describe, expect, it } from 'vitest';
import type { GrantView } from '../../api/types.ts';
import { canCreateCampaigns, managesCampaign } from './access.ts';

const grant = (role: string, unitId: string): GrantView => ({ unitId, role, roleLabel: { vi: role, en: role }, unit: { id: unitId, name: unitId, kind: 'district-office', path: `so/${unitId}/` } });

describe('who manages a campaign', () => {
  it('lets the province admin and an office admin create, not a viewer', () => {
    expect(canCreateCampaigns(grant('province-admin', 'so'))).toBe(true);
    expect(canCreateCampaigns(grant('office-admin', 'pgd'))).toBe(true);
    expect(canCreateCampaigns(grant('province-viewer', 'so'))).toBe(false);
  });

  it('manages a campaign owned at or below the grant, not one of the Sở for an office admin', () => {
    expect(managesCampaign(grant('province-admin', 'so'), { ownerPath: 'so/' })).toBe(true);
    expect(managesCampaign(grant('province-admin', 'so'), { ownerPath: 'so/pgd/' })).toBe(true);
    expect(managesCampaign(grant('office-admin', 'pgd'), { ownerPath: 'so/' })).toBe(false);
    expect(managesCampaign(grant('province-viewer', 'so'), { ownerPath: 'so/' })).toBe(false);
  });
});
