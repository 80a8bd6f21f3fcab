import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
// Test workers end by exiting, so the folders go then, whichever test made them.
process.once('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Writes files into a fresh temporary folder and returns their paths, for CLI tests. */
export function tempFiles(files: Record<string, string | object>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
  created.push(dir);
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    paths[name] = path;
  }
  return paths;
}
