import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'docusign',
  displayName: 'DocuSign',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{account_host}/oauth/auth',
    token: 'https://{account_host}/oauth/token',
    userinfo: 'https://{account_host}/oauth/userinfo',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'account_host',
      label: 'Environment',
      description:
        '“account.docusign.com” for production, “account-d.docusign.com” for the developer sandbox.',
      pattern: 'account\\.docusign\\.com|account-d\\.docusign\\.com',
      default: 'account.docusign.com',
      examples: ['account.docusign.com', 'account-d.docusign.com'],
      kind: 'host',
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 30,
    notes: 'Access tokens last 8 hours; refresh tokens 30 days, each refresh returns a new one.',
  },
  scopes: [
    { name: 'signature', description: 'Send and sign envelopes.' },
    { name: 'extended', description: 'Refresh tokens that do not expire after 30 days.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://admindemo.docusign.com/apps-and-keys' },
});
