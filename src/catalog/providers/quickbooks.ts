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
