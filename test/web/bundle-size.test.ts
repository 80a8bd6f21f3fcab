import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/product.ts';

/** The most JavaScript (gzip) the school's form route may load up front (issue 5). */
const BUDGET_BYTES = 100 * 1024;

// The screens a school never needs: each must come in chunks of its own, loaded on first visit. Their
// routes.tsx (a few lazy() wrappers the router lists) is the one file of theirs allowed up front.
const LAZY_FEATURES = ['builder', 'review', 'campaigns'];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** The entry chunk and every chunk it imports statically, transitively: what the first page load fetches. */
function upFrontChunks(manifest: Manifest): ManifestChunk[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry === true && chunk.file.endsWith('.js'));
  if (entry === undefined) throw new Error('The manifest has no JavaScript entry');
  const seen = new Set<string>();
  const queue = [entry[0]];
  while (queue.length > 0) {
    const key = queue.pop();
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    queue.push(...(manifest[key]?.imports ?? []));
  }
  return [...seen].flatMap((key) => (manifest[key] === undefined ? [] : [manifest[key]]));
}

function sourcesOf(outDir: string, chunks: ManifestChunk[]): string[] {
  return chunks
    .filter((chunk) => chunk.file.endsWith('.js'))
    .flatMap((chunk) => {
      const map = join(outDir, `${chunk.file}.map`);
      if (!existsSync(map)) throw new Error(`No source map for ${chunk.file}`);
      const parsed = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      return parsed.sources.map((source) => source.replaceAll('\\', '/'));
    });
}

describe('what the first load is', () => {
  it('follows static imports from the entry, never dynamic ones', () => {
    const manifest: Manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/features/builder/editor-page.tsx'] },
      '_shared.js': { file: 'assets/shared.js', imports: ['_core.js'] },
      '_core.js': { file: 'assets/core.js' },
      'src/features/builder/editor-page.tsx': { file: 'assets/editor-page.js', imports: ['_shared.js'] },
    };
    expect(upFrontChunks(manifest).map((chunk) => chunk.file).sort()).toEqual(['assets/core.js', 'assets/index.js', 'assets/shared.js']);
  });
});

describe('the size of the school’s first load', () => {
  let outDir = '';
  let manifest: Manifest = {};

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'chiso-bundle-'));
    // Flags rather than a config change: the manifest and source maps are this test's own needs.
    const build = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', 'web', '--outDir', outDir, '--emptyOutDir', '--manifest', '--sourcemap', '--logLevel', 'warn'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`The web build failed:\n${build.stdout}\n${build.stderr}`);
    manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  }, 120_000);

  afterAll(() => {
    if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
  });

  it('loads at most 100 KB of JavaScript (gzip) before the form shows', () => {
    const chunks = upFrontChunks(manifest).filter((chunk) => chunk.file.endsWith('.js'));
    const sizes = chunks.map((chunk) => ({ file: chunk.file, gzip: gzipSync(readFileSync(join(outDir, chunk.file))).length }));
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    console.log(
      `JavaScript tải trước của trang biểu mẫu / up-front JavaScript of the form route: ${(total / 1024).toFixed(1)} KB gzip ` +
        `(${sizes.map((size) => `${size.file} ${(size.gzip / 1024).toFixed(1)} KB`).join(', ')}), budget ${BUDGET_BYTES / 1024} KB`,
    );
    expect(chunks.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('keeps the builder, the reviewer’s desk and the campaign screens out of it (they load lazily)', () => {
    const sources = sourcesOf(outDir, upFrontChunks(manifest));
    // The school's form itself is there: the check looks at the right chunks.
    expect(sources.some((source) => source.endsWith('src/features/form/form-page.tsx'))).toBe(true);
    const lazyOnes = sources.filter((source) => LAZY_FEATURES.some((feature) => source.includes(`src/features/${feature}/`)) && !source.endsWith('/routes.tsx'));
    expect(lazyOnes).toEqual([]);
    // …and the lazy code is in the build, in other chunks: the check above is not vacuous.
    const everything = sourcesOf(outDir, Object.values(manifest));
    expect(everything.some((source) => source.endsWith('src/features/campaigns/campaign-page.tsx'))).toBe(true);
  });
});
