import { validateDefinition } from '@chiso/criteria';

/**
 * The core's validation of a draft, off the page's main thread: typing never waits on it, and the
 * validator's code stays out of the bundle every school downloads (a worker is bundled on its own).
 */
interface Request {
  id: number;
  definition: unknown;
}

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  scope.postMessage({ id: event.data.id, problems: validateDefinition(event.data.definition) });
};
