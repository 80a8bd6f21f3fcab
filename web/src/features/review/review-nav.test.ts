import { describe, expect, it } from 'vitest';
import { homeFor, navFor } from '../../shell/nav.ts';
import { reviewRoutes } from './routes.tsx';

describe('the reviewer’s desk in the app', () => {
  it('is in the navigation of the offices’ roles, and a reviewer lands there', () => {
    for (const role of ['office-reviewer', 'office-admin', 'province-admin']) expect(navFor(role).map((entry) => entry.path)).toContain('/review');
    for (const role of ['school-head', 'school-editor', 'province-viewer']) expect(navFor(role).map((entry) => entry.path)).not.toContain('/review');
    expect(homeFor('office-reviewer')).toBe('/review');
  });

  it('has the queue and the review screen', () => {
    expect(reviewRoutes.map((route) => route.path)).toEqual(['/review', '/review/:campaignId/:unitId']);
  });
});
