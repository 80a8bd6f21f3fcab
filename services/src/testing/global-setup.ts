import type { TestProject } from 'vitest/node';
import { freePort, startDynamoLocal } from '../db/local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the run's in-memory DynamoDB Local. */
    dynamoEndpoint: string;
  }
}

/**
 * Starts ONE in-memory DynamoDB Local for the whole services run, on a free port, and stops it after.
 * Test files reach it through `createTestStore()`, each in its own table.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // As in vitest.config.ts's env, for this process: the SDK's "Node 22 from 2027" notice is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const local = await startDynamoLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', local.endpoint);
  return () => local.stop();
}
