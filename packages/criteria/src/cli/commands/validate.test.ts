import { describe, expect, it } from 'vitest';
import { national4725 } from '../../sets/index.ts';
import { main } from '../main.ts';
import { memoryIo } from '../memory-io.ts';
import { tempFiles } from '../test-files.ts';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const broken = JSON.parse(JSON.stringify(national4725)) as { groups: Array<{ max: number; criteria: Array<{ bands?: Array<{ min?: number }> }> }> };
broken.groups[0]!.max = 90;
broken.groups[0]!.criteria[3]!.bands![2]!.min = 7;

const files = tempFiles({ 'good.json': national4725, 'broken.json': broken, 'not-json.json': '{ "schemaVersion": 1,', 'shape.json': { schemaVersion: 1 } });

describe('chiso criteria validate', () => {
  it('accepts a good definition with exit 0', async () => {
    const { code, out } = await run('criteria', 'validate', files['good.json']!);
    expect(code).toBe(0);
    expect(out).toContain('Bộ chỉ số 4725 phiên bản 2022.1');
    expect(out).toContain('0 lỗi, 0 cảnh báo: có thể công bố.');
  });

  it('lists the problems of a broken definition as a table, in Vietnamese, with exit 1', async () => {
    const { code, out } = await run('criteria', 'validate', files['broken.json']!);
    expect(code).toBe(1);
    expect(out).toMatch(/Vị trí\s+Mã\s+Mức độ\s+Nội dung/);
    expect(out).toMatch(/groups\[0\]\.max\s+group\.max-mismatch\s+lỗi\s+Tổng điểm tối đa của các tiêu chí \(100\) khác điểm tối đa của nhóm 1 \(90\)/);
    expect(out).toMatch(/groups\[0\]\.criteria\[3\]\.bands\s+band\.gap\s+lỗi\s+Điểm từ 6,01 đến 7 không thuộc mức nào/);
    expect(out).toContain('2 lỗi, 0 cảnh báo: chưa thể công bố.');
  });

  it('speaks English with --lang en', async () => {
    const { code, out } = await run('criteria', 'validate', files['broken.json']!, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('Scores from 6.01 to 7 fall in no band');
    expect(out).toContain('2 errors, 0 warnings: cannot be published.');
  });

  it('prints the problems as JSON with --json, with the same exit code', async () => {
    const { code, out } = await run('criteria', 'validate', '--json', files['broken.json']!);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { publishable: boolean; errors: number; problems: Array<{ code: string; path: unknown[] }> };
    expect(report.publishable).toBe(false);
    expect(report.errors).toBe(2);
    expect(report.problems.map((p) => p.code).sort()).toEqual(['band.gap', 'group.max-mismatch']);
    expect(report.problems.find((p) => p.code === 'group.max-mismatch')?.path).toEqual(['groups', 0, 'max']);
  });

  it('reports shape problems of a file that is not a definition, with exit 1', async () => {
    const { code, out } = await run('criteria', 'validate', files['shape.json']!);
    expect(code).toBe(1);
    expect(out).toContain('schema.');
  });

  it('validates a built-in set named by its key', async () => {
    expect((await run('criteria', 'validate', 'hp-4725')).code).toBe(0);
  });

  it('exits 2 with a clear message for a missing file or bad JSON', async () => {
    const missing = await run('criteria', 'validate', '/nonexistent/set.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Không tìm thấy tệp /nonexistent/set.json');
    const bad = await run('criteria', 'validate', files['not-json.json']!, '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not valid JSON');
  });
});
