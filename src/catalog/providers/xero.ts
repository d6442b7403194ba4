import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'xero',
  displayName: 'Xero',
  categories: ['accounting'],
  protocol: 'oidc',
  issuer: 'https://identity.xero.com',
  endpoints: {
    authorization: 'https://login.xero.com/identity/connect/authorize',
    token: 'https://identity.xero.com/connect/token',
    revocation: 'https://identity.xero.com/connect/revocation',
    userinfo: 'https://identity.xero.com/connect/userinfo',
    jwks: 'https://identity.xero.com/.well-known/openid-configuration/jwks',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Needs offline_access. Access tokens last 30 minutes; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name.' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'accounting.transactions', description: 'Invoices, payments and other transactions.' },
    { name: 'accounting.contacts', description: 'Contacts.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://developer.xero.com/app/manage' },
});
