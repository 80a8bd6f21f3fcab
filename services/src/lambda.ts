import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { loadConfig } from './config/env.ts';
import { createStore } from './db/client.ts';

// Runs once per Lambda instance: a wrong environment fails the instance's start with the variable's name.
const config = loadConfig(process.env);

/** The AWS Lambda entry (API Gateway HTTP API, payload v2): only adapts the app. */
export const handler = handle(
  createApp({
    store: createStore({ tableName: config.tableName, endpoint: config.dynamodbEndpoint }),
    systemAdminToken: config.systemAdminToken,
  }),
);
