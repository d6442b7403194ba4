import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'keycloak',
  displayName: 'Keycloak',
  categories: ['iam'],
  protocol: 'oidc',
  issuer: '{base}/realms/{realm}',
  endpoints: {
    authorization: '{base}/realms/{realm}/protocol/openid-connect/auth',
    token: '{base}/realms/{realm}/protocol/openid-connect/token',
    revocation: '{base}/realms/{realm}/protocol/openid-connect/revoke',
    userinfo: '{base}/realms/{realm}/protocol/openid-connect/userinfo',
    jwks: '{base}/realms/{realm}/protocol/openid-connect/certs',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'base',
      label: 'Keycloak URL',
      description: 'The server address, with “/auth” for Keycloak 16 and older.',
      pattern: 'https?://[^\\s?#]+',
      examples: ['https://sso.example.com', 'https://id.example.org/auth'],
      kind: 'base',
    },
    {
      name: 'realm',
      label: 'Realm',
      description: 'The realm name.',
      pattern: '[A-Za-z0-9._-]+',
      examples: ['main', 'master'],
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes:
      'Each refresh returns a new refresh token; reuse of old ones is refused only when the realm says so.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name and profile.' },
    { name: 'offline_access', description: 'An offline token that survives the SSO session.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: {
    registerUrl: 'https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients',
    steps: [
      'Keycloak admin console → your realm → Clients → Create client (OpenID Connect).',
      'Turn on “Client authentication”; Valid redirect URIs: paste the Redirect URL shown here.',
      'Credentials tab: copy the client secret into this page.',
    ],
  },
  uncertain: ['RFC 9207 `iss` in the authorization response depends on the Keycloak version; not required.'],
});
