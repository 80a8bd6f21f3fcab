import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../scoring/types.ts';
import { seed003Example } from '../../sets/index.ts';
import { main } from '../main.ts';
import { memoryIo } from '../memory-io.ts';
import { tempFiles } from '../test-files.ts';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const { answers, awards, evidence } = seed003Example;
const withoutMaterials = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== 'digital_materials'));
const files = tempFiles({
  'seed-003.json': { answers, awards, evidence },
  'incomplete.json': { answers: withoutMaterials, awards },
  'no-awards.json': { answers },
});

describe('chiso criteria score', () => {
  it('scores the seed 003 example as JSON: 84 and 94 points, level 3, exit 0', async () => {
    const { code, out } = await run('criteria', 'score', seed003Example.definition, files['seed-003.json']!, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ScoreResult;
    expect(result.groups.map((group) => group.points)).toEqual([84, 94]);
    expect(result.groups.map((group) => group.level)).toEqual([3, 3]);
    expect(result.overallLevel).toBe(3);
    expect(result.complete).toBe(true);
  });

  it('prints a readable table per group, with indicators when asked', async () => {
    const { code, out } = await run('criteria', 'score', '4725', files['seed-003.json']!, '--indicators');
    expect(code).toBe(0);
    expect(out).toContain('84/100 điểm, mức 3');
    expect(out).toContain('94/100 điểm, mức 3');
    expect(out).toMatch(/Mã\s+Tiêu chí\s+Tối đa\s+Giới hạn\s+Điểm\s+Mức/);
    expect(out).toMatch(/1\.6\s+Phát triển nguồn nhân lực chuyển đổi số\s+20\s+17\s+16\s+3/);
    expect(out).toMatch(/ 1\.6c\s+/);
    expect(out).toContain('Điều kiện bắt buộc (1.1, 1.2): đều đạt.');
    expect(out).toContain('Mức chung: 3');
    expect(out).toContain('Đầy đủ: có');
  });

  it('lists what is missing with its path and exits 1', async () => {
    const { code, out } = await run('criteria', 'score', '4725', files['incomplete.json']!, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('Complete: no');
    expect(out).toMatch(/Missing \(\d+\):/);
    expect(out).toContain('answers.digital_materials');
  });

  it('exits 2 on an answers file without awards', async () => {
    const { code, err } = await run('criteria', 'score', '4725', files['no-awards.json']!);
    expect(code).toBe(2);
    expect(err).toContain('"awards"');
  });

  it('exits 2 on a definition that cannot be read', async () => {
    const { code, err } = await run('criteria', 'score', '/nonexistent/set.json', files['seed-003.json']!);
    expect(code).toBe(2);
    expect(err).toContain('Không tìm thấy tệp');
  });
});
