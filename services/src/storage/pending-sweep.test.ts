import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.ts';
import { schedulePendingSweeps, sweepPendingUploads } from './pending-sweep.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const meta = { contentType: 'application/pdf', sha256: 'b'.repeat(64) };
const keyOf = (upload: string) => `tenants/tinh-thu/campaigns/c1/units/u1/files/${upload}`;
const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

const roots: string[] = [];
let root: string;
let time: number;
let storage: LocalDiskStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'chiso-sweep-'));
  roots.push(root);
  time = Date.parse('2025-03-01T08:00:00Z');
  storage = new LocalDiskStorage({ root, secret: null, urlPrefix: '/api/evidence-objects/', now: () => new Date(time) });
});
afterAll(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

const sweepAt = (at: number, retentionMs = DAY) => sweepPendingUploads(storage, { retentionMs, now: () => new Date(at) });

describe('the sweep of pending uploads (embedded mode)', () => {
  it('removes uploads never attached once older than the retention, and leaves younger ones and attached files, whatever their age', async () => {
    const start = time;
    await storage.put(keyOf('bocon'), bytes, meta);
    await storage.put(keyOf('dinhkem'), bytes, meta);
    expect(await storage.keep(keyOf('dinhkem'))).toBe(true);
    time = start + 23 * HOUR;
    await storage.put(keyOf('moitai'), bytes, meta);

    expect(await sweepAt(start + 23 * HOUR)).toMatchObject({ removed: 0, pending: 2, attached: 1 });
    const report = await sweepAt(start + 25 * HOUR);
    expect(report).toEqual({ removed: 1, pending: 1, attached: 1, leftovers: 0, cutoff: new Date(start + HOUR).toISOString() });
    expect(await storage.get(keyOf('bocon'))).toBeNull();
    expect(await storage.get(keyOf('dinhkem'))).not.toBeNull();
    expect(await storage.get(keyOf('moitai'))).not.toBeNull();
    expect(await sweepAt(start + 400 * DAY)).toMatchObject({ removed: 1, pending: 0, attached: 1 });
    expect(await storage.get(keyOf('dinhkem'))).toEqual({ body: bytes, contentType: 'application/pdf' });
  });

  it('removes a released file (its evidence removed) at the next sweep past the retention; keeping or releasing nothing is harmless', async () => {
    const start = time;
    await storage.put(keyOf('gobo'), bytes, meta);
    await storage.keep(keyOf('gobo'));
    time = start + 10 * DAY;
    await storage.release(keyOf('gobo'));
    expect(await sweepAt(time)).toMatchObject({ removed: 1, attached: 0 });
    expect(await storage.get(keyOf('gobo'))).toBeNull();
    expect(await storage.keep(keyOf('khongco'))).toBe(false);
    await expect(storage.release(keyOf('khongco'))).resolves.toBeUndefined();
  });

  it('never removes a file stored before states existed, and clears the leftovers of interrupted puts', async () => {
    await storage.put(keyOf('cu'), bytes, meta);
    const file = join(root, ...keyOf('cu').split('/'));
    // As an older version of the API wrote its metadata: type and checksum only.
    await writeFile(`${file}.meta.json`, JSON.stringify(meta));
    const leftover = `${file}.0a1b2c.part`;
    await writeFile(leftover, bytes);
    const old = new Date(time - 2 * DAY);
    await utimes(leftover, old, old);

    expect(await sweepAt(time + 400 * DAY)).toMatchObject({ removed: 0, attached: 1, leftovers: 1 });
    expect(await storage.get(keyOf('cu'))).not.toBeNull();
    await expect(readFile(leftover)).rejects.toThrow();
    // Kept afterwards, it is marked attached without losing what its metadata said.
    expect(await storage.keep(keyOf('cu'))).toBe(true);
    expect(JSON.parse(await readFile(`${file}.meta.json`, 'utf8'))).toMatchObject({ ...meta, state: 'attached' });
  });

  it('answers an empty report for a directory that holds nothing yet', async () => {
    const empty = new LocalDiskStorage({ root: join(root, 'chua-co'), secret: null, urlPrefix: '/api/evidence-objects/' });
    expect(await sweepPendingUploads(empty, { retentionMs: DAY })).toMatchObject({ removed: 0, pending: 0, attached: 0, leftovers: 0 });
  });

  it('sweeps at once when scheduled, logging the counts only, and stops', async () => {
    await storage.put(keyOf('cu'), bytes, meta);
    const lines: string[] = [];
    const schedule = await new Promise<{ stop: () => void }>((resolve) => {
      const started = schedulePendingSweeps(storage, {
        retentionMs: HOUR,
        intervalMs: HOUR,
        now: () => new Date(time + 2 * HOUR),
        log: (line) => {
          lines.push(line);
          resolve(started);
        },
      });
    });
    schedule.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/removed 1, còn chờ \/ pending 0, đã đính kèm \/ attached 0/);
    expect(lines[0]).not.toContain('tinh-thu');
  });
});
