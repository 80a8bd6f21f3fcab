import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolClient, UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface AuthProps {
  production: boolean;
}

/**
 * The Cognito user pool that authenticates people (AUTH_MODE=cognito). It only proves who someone is:
 * their tenant, home unit and grants stay in the table, keyed by the Cognito `sub` (DATA-MODEL.md).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, { production }: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are given, not taken: a province's admins create them for their schools and offices.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      featurePlan: FeaturePlan.ESSENTIALS,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        // Long enough for an invitation to survive a weekend and a school holiday's slow inbox.
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Tài khoản Chỉ số của bạn / Your Chỉ số account',
        emailBody:
          'Tên đăng nhập / Sign-in: {username}<br>Mật khẩu tạm thời / Temporary password: {####}<br>' +
          'Hãy đổi mật khẩu khi đăng nhập lần đầu. / Please change it when you first sign in.',
      },
      // Cognito's own sender allows about 50 emails a day: enough for dev, not for a province's roll-out (see README).
      email: UserPoolEmail.withCognito(),
      deletionProtection: production,
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret.
      generateSecret: false,
      // The web app signs in with its own tenant-aware form (SRP), not the hosted UI.
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      // Short-lived access tokens bound how long a revoked grant keeps working (DATA-MODEL.md, scope check).
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // Schools often share one computer; a week keeps sessions from lingering for the default month.
      refreshTokenValidity: Duration.days(7),
      enableTokenRevocation: true,
    });
  }
}
