import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes files into a fresh temporary folder and returns their paths, for CLI tests. */
export function tempFiles(files: Record<string, string | object>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    paths[name] = path;
  }
  return paths;
}
