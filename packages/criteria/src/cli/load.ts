import { parseDefinition } from '../definition/parse.ts';
import type { Definition } from '../definition/schema.ts';
import { formatPath } from '../problem.ts';
import { findBuiltInSet } from '../sets/index.ts';
import { CliError } from './errors.ts';
import type { CliIo } from './io.ts';

/** A definition named on the command line, as read: the raw JSON, and a name for people. */
export interface LoadedInput {
  raw: unknown;
  source: string;
}

const SET_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads and parses a JSON file; a missing file or bad JSON is a CliError (exit 2). */
export async function readJson(io: CliIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new CliError('cli.file-not-found', { vi: `Không tìm thấy tệp ${path}`, en: `File not found: ${path}` });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('cli.file-unreadable', { vi: `Không đọc được tệp ${path}: ${reason}`, en: `Cannot read ${path}: ${reason}` });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('cli.invalid-json', { vi: `Tệp ${path} không phải JSON hợp lệ: ${reason}`, en: `${path} is not valid JSON: ${reason}` });
  }
}

/**
 * A definition given as a built-in set key (`4725`, `hp-4725`) or a JSON file path. A key wins over a
 * file of the same bare name: keys have no dot or slash, file names normally do.
 */
export async function loadDefinitionInput(io: CliIo, name: string): Promise<LoadedInput> {
  const builtIn = SET_KEY.test(name) ? findBuiltInSet(name) : undefined;
  if (builtIn) return { raw: builtIn, source: name };
  return { raw: await readJson(io, name), source: name };
}

/** A definition that must have its shape to be used (scored, compared); otherwise a CliError listing why. */
export async function loadDefinition(io: CliIo, name: string): Promise<Definition> {
  const { raw } = await loadDefinitionInput(io, name);
  const parsed = parseDefinition(raw);
  if (parsed.ok) return parsed.definition;
  throw new CliError(
    'cli.invalid-definition',
    { vi: `${name} không phải một bộ chỉ số hợp lệ (chạy "chiso criteria validate ${name}" để xem chi tiết)`, en: `${name} is not a valid criteria set (run "chiso criteria validate ${name}" for details)` },
    parsed.problems.slice(0, 10).map((found) => ({
      vi: `${formatPath(found.path)}: ${found.message.vi}`,
      en: `${formatPath(found.path)}: ${found.message.en ?? found.message.vi}`,
    })),
  );
}
