import { describe, expect, it } from 'vitest';
import { onlyResource, synth } from './testing/synth.ts';

describe.each(['dev', 'prod'] as const)('sign-in in %s', (stage) => {
  const pool = () => onlyResource(synth(stage).template, 'AWS::Cognito::UserPool')[1];
  const client = () => onlyResource(synth(stage).template, 'AWS::Cognito::UserPoolClient')[1].Properties ?? {};

  it('lets only admins create accounts (no self sign-up)', () => {
    expect(pool().Properties?.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  it('signs in with an email address, case-insensitively', () => {
    expect(pool().Properties).toMatchObject({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
  });

  it('demands strong passwords', () => {
    expect(pool().Properties?.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        PasswordHistorySize: 5,
        TemporaryPasswordValidityDays: 7,
      },
    });
  });

  it('gives the web app a public client: SRP sign-in, no secret, no hosted UI, short-lived tokens', () => {
    expect(client()).toMatchObject({
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 60,
      TokenValidityUnits: expect.objectContaining({ AccessToken: 'minutes' }),
    });
  });

  it('outputs the pool and client ids', () => {
    const outputs = synth(stage).template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: expect.stringMatching(/^AuthUserPool/) });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: expect.stringMatching(/^AuthUserPoolWebClient/) });
  });
});

it('protects the prod user pool from deletion, and only that one', () => {
  const pool = (stage: 'dev' | 'prod') => onlyResource(synth(stage).template, 'AWS::Cognito::UserPool')[1];
  expect(pool('prod')).toMatchObject({ DeletionPolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
  expect(pool('dev')).toMatchObject({ DeletionPolicy: 'Delete', Properties: { DeletionProtection: 'INACTIVE' } });
});
