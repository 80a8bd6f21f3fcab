import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running product (the Node entry of services with its embedded DynamoDB Local), as `npm start` runs it. */
export interface RunningProduct {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  /** SIGINT, as Ctrl-C sends it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no handler runs, as when the machine or the terminal dies. */
  kill(): Promise<void>;
}

export interface ProductOptions {
  dataDir: string;
  port: number;
  dynamoPort: number;
  env?: Record<string, string>;
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts services/src/server.ts as `npm start` does, on its own ports and data folder, and resolves once
 * /api/health answers 200.
 */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      STAGE: 'dev',
      PORT: String(options.port),
      DYNAMODB_LOCAL_PORT: String(options.dynamoPort),
      DATA_DIR: options.dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The product exited early (${child.exitCode}):\n${text}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The product did not answer within 90 s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    process: child,
    output: () => text,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
