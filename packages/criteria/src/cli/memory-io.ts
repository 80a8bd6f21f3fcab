import { readFile } from 'node:fs/promises';
import type { CliIo } from './io.ts';

export interface MemoryIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** An io that keeps what the CLI prints, for running `main` in-process; files are read from disk. */
export function memoryIo(): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: (path) => readFile(path, 'utf8'),
    out: () => out,
    err: () => err,
  };
}
