import { defineProvider } from '../provider.ts';
import { OIDC_SCOPES } from './oidc-scopes.ts';

export default defineProvider({
  key: 'auth0',
  displayName: 'Auth0',
  categories: ['iam'],
  protocol: 'oidc',
  // Auth0's issuer identifier ends with a slash.
  issuer: 'https://{domain}/',
  endpoints: {
    authorization: 'https://{domain}/authorize',
    token: 'https://{domain}/oauth/token',
    revocation: 'https://{domain}/oauth/revoke',
    userinfo: 'https://{domain}/userinfo',
    jwks: 'https://{domain}/.well-known/jwks.json',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'domain',
      label: 'Domain',
      description: 'Your Auth0 tenant domain or custom domain.',
      pattern: '[a-z0-9-]+(\\.[a-z0-9-]+)+',
      examples: ['example.eu.auth0.com', 'login.example.com'],
      kind: 'host',
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes:
      'Needs offline_access and “Allow Offline Access” on the API; rotation is a per-application setting.',
  },
  scopes: OIDC_SCOPES,
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://manage.auth0.com/#/applications' },
});
