import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { loadConfig } from './config/env.ts';
import { createStore } from './db/client.ts';
import { evidenceStorageFor } from './features/evidence/storage.ts';

// Runs once per Lambda instance: a wrong environment fails the instance's start with the variable's name.
const config = loadConfig(process.env);

const store = createStore({ tableName: config.tableName, endpoint: config.dynamodbEndpoint });

/** The AWS Lambda entry (API Gateway HTTP API, payload v2): only adapts the app. */
export const handler = handle(
  createApp({
    store,
    systemAdminToken: config.systemAdminToken,
    authenticator: createAuthenticator(config, store),
    jwtSecret: config.jwtSecret,
    evidenceStorage: evidenceStorageFor(config),
    linkCheck: { allowPrivateTargets: config.linkCheckAllowPrivate },
  }),
);
