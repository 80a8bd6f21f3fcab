import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIo } from './memory-io.ts';

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('chiso usage', () => {
  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('chiso criteria validate');
    expect(out).toContain('chiso criteria score');
  });

  it('prints usage without arguments', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('Cách dùng');
  });

  it('prints usage in English with --lang en', async () => {
    expect((await run('--help', '--lang', 'en')).out).toContain('Usage:');
    expect((await run('--help', '--lang=en')).out).toContain('Usage:');
  });

  it('rejects an unknown command with a message on stderr and exit 2', async () => {
    const { code, out, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Không có lệnh "frobnicate"');
  });

  it('rejects an unknown criteria command', async () => {
    const { code, err } = await run('criteria', 'publish', 'x.json', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('Unknown command "criteria publish"');
  });

  it('rejects a missing command after criteria', async () => {
    expect((await run('criteria')).code).toBe(2);
  });

  it('rejects the wrong number of operands', async () => {
    const { code, err } = await run('criteria', 'diff', '4725', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('takes 2 operands, got 1');
  });

  it('rejects an unknown option and a bad language', async () => {
    expect((await run('criteria', 'demo', '--colour')).code).toBe(2);
    const { code, err } = await run('criteria', 'demo', '--lang', 'fr');
    expect(code).toBe(2);
    expect(err).toContain('--lang');
  });

  it('reports errors as JSON on stderr with --json', async () => {
    const { code, err } = await run('criteria', 'validate', '/nonexistent/set.json', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ error: { code: 'cli.file-not-found' } });
  });
});
