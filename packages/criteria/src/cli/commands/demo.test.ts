import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { memoryIo } from '../memory-io.ts';

describe('chiso criteria demo', () => {
  it('validates the built-in sets and scores the seed 003 example', async () => {
    const io = memoryIo();
    expect(await main(['criteria', 'demo'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/4725\s+2022\.1\s+4725\/QĐ-BGDĐT\s+2\s+11\s+27\s+hợp lệ/);
    expect(out).toContain('hp-4725');
    expect(out).toContain('84/100 điểm, mức 3');
    expect(out).toContain('94/100 điểm, mức 3');
    expect(out).toContain('Mức chung: 3');
  });

  it('gives the same as JSON', async () => {
    const io = memoryIo();
    expect(await main(['criteria', 'demo', '--json'], io)).toBe(0);
    const demo = JSON.parse(io.out()) as { sets: Array<{ setKey: string; publishable: boolean }>; example: { result: { groups: Array<{ points: number }>; overallLevel: number } } };
    expect(demo.sets.every((set) => set.publishable)).toBe(true);
    expect(demo.example.result.groups.map((group) => group.points)).toEqual([84, 94]);
    expect(demo.example.result.overallLevel).toBe(3);
  });
});
