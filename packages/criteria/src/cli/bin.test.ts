import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { national4725 } from '../sets/index.ts';
import { tempFiles } from './test-files.ts';

const BIN = fileURLToPath(new URL('../../bin/chiso.js', import.meta.url));

describe('bin/chiso.js', () => {
  it('runs as a program with node and sets the exit code', () => {
    const files = tempFiles({ 'good.json': national4725, 'broken.json': { ...national4725, awardStep: 0.001 } });
    const good = spawnSync(process.execPath, [BIN, 'criteria', 'validate', files['good.json']!], { encoding: 'utf8', timeout: 30_000 });
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('có thể công bố');
    const broken = spawnSync(process.execPath, [BIN, 'criteria', 'validate', files['broken.json']!, '--lang', 'en'], { encoding: 'utf8', timeout: 30_000 });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('award-step.not-hundredths');
  });
});
