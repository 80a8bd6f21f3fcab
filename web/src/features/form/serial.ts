/**
 * Runs tasks one after the other. Every change to a submission carries the version it was made on, so
 * autosave and evidence changes take turns: each reads the version the previous one left.
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
