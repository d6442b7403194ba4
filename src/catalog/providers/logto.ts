import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/**
 * Logto as an OAuth 2.0 authorization server at a fixed path under your own host. It is also an
 * OpenID provider: the `oidc` entry (by discovery) verifies ID tokens; this entry needs only a host.
 */
export default defineProvider({
  key: 'logto',
  displayName: 'Logto',
  categories: ['iam'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{host}/oidc/auth',
    token: 'https://{host}/oidc/token',
    revocation: 'https://{host}/oidc/token/revocation',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName(
      'host',
      'Logto host',
      'Your Logto tenant endpoint host (acme.logto.app or your own domain).',
      'acme.logto.app',
    ),
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes: 'A refresh token with offline_access (rotation is a server setting).',
  },
  scopes: [
    { name: 'openid', description: 'Sign in (OpenID Connect).' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'profile', description: 'The user’s basic profile (name, picture).' },
    { name: 'offline_access', description: 'A refresh token, to keep access while the user is away.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://docs.logto.io/integrate-logto/third-party-applications' },
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
