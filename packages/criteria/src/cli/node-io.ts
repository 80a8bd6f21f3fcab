import { readFile } from 'node:fs/promises';
import type { CliIo } from './io.ts';

/** The process's own streams and file system. */
export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
};
