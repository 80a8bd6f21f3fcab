/**
 * The cross-cutting project's globalSetup: the services' one in-memory DynamoDB Local per run (it provides
 * `dynamoEndpoint`). Re-exported from here so that test/'s type-check sees the `inject('dynamoEndpoint')`
 * declaration the services' test helpers rely on.
 */
export { default } from '../../services/src/testing/global-setup.ts';
