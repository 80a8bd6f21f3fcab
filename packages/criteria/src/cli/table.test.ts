import { describe, expect, it } from 'vitest';
import { renderTable, truncate } from './table.ts';

describe('renderTable', () => {
  it('aligns columns, numbers to the right', () => {
    const text = renderTable([{ header: 'Mã' }, { header: 'Điểm', align: 'right' }, { header: 'Mức' }], [['1.3', '25', '3'], ['1.4a', '6', '2']]);
    expect(text).toBe(['Mã    Điểm  Mức', '────  ────  ───', '1.3     25  3', '1.4a     6  2', ''].join('\n'));
  });

  it('pads decomposed Vietnamese as if composed', () => {
    const nfd = 'Tiêu chí'.normalize('NFD');
    const text = renderTable([{ header: 'A' }, { header: 'B' }], [[nfd, 'x'], ['Tieu chi', 'y']]);
    const [, , first, second] = text.split('\n');
    expect(first?.indexOf('x')).toBe(second?.indexOf('y'));
  });
});

describe('truncate', () => {
  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(truncate('Phát triển nguồn nhân lực', 10)).toBe('Phát triể…');
    expect(truncate('Hạ tầng', 10)).toBe('Hạ tầng');
  });
});
