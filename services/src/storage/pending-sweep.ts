import type { LocalDiskStorage, SweepCounts } from './local-disk.ts';

/** How the embedded mode sweeps uploads no submission names (on S3 the bucket's lifecycle rule does it). */
export interface SweepSettings {
  /** An upload not attached for this long goes. */
  retentionMs: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

export interface SweepReport extends SweepCounts {
  /** Objects stored pending before this instant were removed. */
  cutoff: string;
}

/**
 * One sweep: removes the uploads stored pending (never attached, or whose evidence was removed) longer
 * than the retention ago. Attached files stay, whatever their age.
 */
export async function sweepPendingUploads(storage: LocalDiskStorage, { retentionMs, now = () => new Date() }: SweepSettings): Promise<SweepReport> {
  const cutoff = new Date(now().getTime() - retentionMs);
  return { ...(await storage.sweepPending(cutoff)), cutoff: cutoff.toISOString() };
}

/** The line a sweep leaves in the log: counts only, no names. */
export function sweepLine(report: SweepReport): string {
  return (
    `Dọn tệp tải lên chưa đính kèm / swept unattached uploads (trước / before ${report.cutoff}): ` +
    `xoá / removed ${report.removed}, còn chờ / pending ${report.pending}, đã đính kèm / attached ${report.attached}` +
    (report.leftovers > 0 ? `, phần dở dang / leftovers ${report.leftovers}` : '')
  );
}

/**
 * Sweeps at once, then every `intervalMs`, logging each sweep's counts (and a failed sweep, which the next
 * one retries). The timer does not keep the process alive; `stop` ends it.
 */
export function schedulePendingSweeps(
  storage: LocalDiskStorage,
  settings: SweepSettings & { intervalMs: number; log?: (line: string) => void },
): { stop: () => void } {
  const log = settings.log ?? ((line: string) => console.log(line));
  let running = false;
  const run = async () => {
    // A sweep of a large directory that outlasts the interval is not started twice.
    if (running) return;
    running = true;
    try {
      log(sweepLine(await sweepPendingUploads(storage, settings)));
    } catch (error) {
      log(`Không dọn được tệp tải lên / the sweep of uploads failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), settings.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
