import { describe, expect, it } from 'vitest';
import { createSerial } from './serial.ts';

describe('changes take turns', () => {
  it('starts a task only once the one before has settled, failed or not', async () => {
    const run = createSerial();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = run(() => new Promise<void>((resolve) => (release = () => { order.push('first'); resolve(); })));
    const failing = run(async () => { order.push('second'); throw new Error('refused'); });
    const third = run(async () => { order.push('third'); return 3; });
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await first;
    await expect(failing).rejects.toThrow('refused');
    expect(await third).toBe(3);
    expect(order).toEqual(['first', 'second', 'third']);
  });
});
