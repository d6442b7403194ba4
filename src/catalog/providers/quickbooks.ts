import { defineProvider } from '../provider.ts';

/** Intuit QuickBooks Online. */
export default defineProvider({
  key: 'quickbooks',
  displayName: 'Intuit QuickBooks',
  categories: ['accounting', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://appcenter.intuit.com/connect/oauth2',
    token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
    revocation: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  // The company id arrives on the redirect (`?code=…&state=…&realmId=…`), not in the token answer.
  keepCallbackParams: ['realmId'],
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 100,
    notes:
      'Access tokens last one hour; refresh tokens 100 days and a refresh may return a new one (always keep the latest).',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'invalid refresh token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq',
      example: {
        status: 400,
        body: {
          error_description: 'Incorrect or invalid refresh token',
          error: 'invalid_grant',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq',
      example: {
        status: 401,
        body: {
          error: 'invalid_client',
        },
      },
    },
    {
      when: {
        field: 'Fault.Error.0.code',
        equals: '3200',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      docs: 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes',
      example: {
        status: 401,
        body: {
          Fault: {
            Error: [
              {
                Message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
                Detail: 'Token revoked',
                code: '3200',
              },
            ],
            type: 'AUTHENTICATION',
          },
          time: '2026-11-29T04:00:00.000-08:00',
        },
      },
    },
  ],
  // A reconnect must bring the same account (these connection extras must not change).
  accountFields: ['realmId'],
  scopes: [
    { name: 'com.intuit.quickbooks.accounting', description: 'QuickBooks Online accounting data.' },
    { name: 'com.intuit.quickbooks.payment', description: 'QuickBooks Payments.' },
  ],
  presets: {},
  docs: {
    registerUrl: 'https://developer.intuit.com/app/developer/dashboard',
    notes: [
      'The company id (realmId) arrives on the redirect, not in the token response: it is kept on the connection as extras.realmId.',
    ],
  },
  uncertain: ['PKCE support is undocumented, so it is not sent.'],
});
