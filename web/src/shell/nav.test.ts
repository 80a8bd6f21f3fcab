import { describe, expect, it } from 'vitest';
import { NAV, homeFor, navFor } from './nav.ts';

describe('navigation by role', () => {
  it('shows a school its self-assessment and lands it there', () => {
    expect(navFor('school-head').map((entry) => entry.path)).toContain('/campaigns');
    expect(homeFor('school-editor')).toBe('/campaigns');
  });

  it('shows nothing for an unknown role and sends it to the empty page', () => {
    expect(navFor('someone-else')).toEqual([]);
    expect(homeFor('someone-else')).toBe('/nothing-here');
  });

  it('keeps one entry per path', () => {
    const paths = NAV.map((entry) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
