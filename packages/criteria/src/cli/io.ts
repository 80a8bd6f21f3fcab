/** What the CLI needs from the outside world; tests pass their own, the runner passes Node's. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}
