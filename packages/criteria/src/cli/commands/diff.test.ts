import { describe, expect, it } from 'vitest';
import type { DefinitionDiff } from '../../diff/index.ts';
import { national4725 } from '../../sets/index.ts';
import { main } from '../main.ts';
import { memoryIo } from '../memory-io.ts';
import { tempFiles } from '../test-files.ts';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const files = tempFiles({ 'copy.json': national4725, 'shape.json': { schemaVersion: 1 } });

describe('chiso criteria diff', () => {
  it('exits 0 for identical definitions', async () => {
    const { code, out } = await run('criteria', 'diff', '4725', files['copy.json']!);
    expect(code).toBe(0);
    expect(out).toContain('giống nhau');
  });

  it('lists the differences and exits 1, as diff(1)', async () => {
    const { code, out } = await run('criteria', 'diff', '4725', 'hp-4725');
    expect(code).toBe(1);
    expect(out).toContain('~ Chỉ số thành phần 2.3f  (groups[1].criteria[2].indicators[5])');
    expect(out).toContain('    tối đa 10 → 6');
  });

  it('prints the diff as JSON with --json', async () => {
    const { code, out } = await run('criteria', 'diff', '4725', 'hp-4725', '--json');
    expect(code).toBe(1);
    const diff = JSON.parse(out) as DefinitionDiff;
    expect(diff.identical).toBe(false);
    expect(diff.entries.filter((entry) => entry.item === 'indicator').map((entry) => entry.id)).toEqual(['2.3f', '2.3h']);
  });

  it('exits 2 when an input is unreadable or not a definition', async () => {
    expect((await run('criteria', 'diff', '4725', '/nonexistent/set.json')).code).toBe(2);
    const { code, err } = await run('criteria', 'diff', files['shape.json']!, '4725');
    expect(code).toBe(2);
    expect(err).toContain('không phải một bộ chỉ số hợp lệ');
  });
});
