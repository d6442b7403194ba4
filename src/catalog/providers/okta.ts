import { defineProvider } from '../provider.ts';
import { OIDC_SCOPES } from './oidc-scopes.ts';

/** Okta, through a custom authorization server (`default` exists in every org). */
export default defineProvider({
  key: 'okta',
  displayName: 'Okta',
  categories: ['iam'],
  protocol: 'oidc',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'Through the custom authorization server (its own custom scopes). Okta management APIs need the org authorization server and private_key_jwt: register the client with that method.',
  },
  issuer: 'https://{domain}/oauth2/{auth_server}',
  endpoints: {
    authorization: 'https://{domain}/oauth2/{auth_server}/v1/authorize',
    token: 'https://{domain}/oauth2/{auth_server}/v1/token',
    revocation: 'https://{domain}/oauth2/{auth_server}/v1/revoke',
    userinfo: 'https://{domain}/oauth2/{auth_server}/v1/userinfo',
    jwks: 'https://{domain}/oauth2/{auth_server}/v1/keys',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'domain',
      label: 'Okta domain',
      description: 'Your Okta org domain (or custom domain).',
      pattern: '[a-z0-9-]+(\\.[a-z0-9-]+)+',
      examples: ['dev-123456.okta.com', 'example.okta-emea.com'],
      kind: 'host',
    },
    {
      name: 'auth_server',
      label: 'Authorization server id',
      description: '“default”, or the id of another custom authorization server.',
      pattern: '[A-Za-z0-9]+',
      default: 'default',
      examples: ['default', 'aus1a2b3c4d5e6f7g8h9'],
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes: 'Needs offline_access and the Refresh Token grant on the app; rotation is an app setting.',
  },
  scopes: OIDC_SCOPES,
  presets: { login: ['openid', 'email', 'profile'] },
  docs: {
    registerUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
    steps: [
      'Okta admin console → Applications → Create App Integration → OIDC, Web Application.',
      'Sign-in redirect URIs: paste the Redirect URL shown here; tick “Refresh Token” if you need one.',
      'Copy the Client ID and Client secret into this page.',
    ],
    notes: ['For the org authorization server (issuer https://{domain}) use the “OpenID Connect” entry.'],
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
