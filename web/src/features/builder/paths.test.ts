import { describe, expect, it } from 'vitest';
import { candidateIds, domId, parsePath, sectionOf } from './paths.ts';

describe('paths of problems', () => {
  it('reads the API’s notation, with or without the request’s prefix', () => {
    expect(parsePath('groups[0].criteria[2].indicators[1].cap')).toEqual(['groups', 0, 'criteria', 2, 'indicators', 1, 'cap']);
    expect(parsePath('body.definition.groups[1].title.vi')).toEqual(['groups', 1, 'title', 'vi']);
    expect(parsePath('definition.version')).toEqual(['version']);
    expect(parsePath('awards["1.3a"]')).toEqual(['awards', '1.3a']);
    expect(parsePath('$')).toEqual([]);
  });

  it('finds the section that shows a path', () => {
    expect(sectionOf(['groups', 0, 'criteria', 2, 'bands', 0])).toEqual({ kind: 'criterion', at: { group: 0, criterion: 2 } });
    expect(sectionOf(['groups', 1, 'bands'])).toEqual({ kind: 'set' });
    expect(sectionOf([])).toEqual({ kind: 'set' });
  });

  it('tries the most precise input first, then the ones around it', () => {
    expect(domId(['groups', 0, 'criteria', 2, 'id'])).toBe('b-groups-0-criteria-2-id');
    expect(candidateIds(['groups', 0, 'cap', 'if', 1])).toEqual(['b-groups-0-cap-if-1', 'b-groups-0-cap-if', 'b-groups-0-cap', 'b-groups-0', 'b-groups']);
  });
});
