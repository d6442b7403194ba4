import { defineProvider } from '../provider.ts';
import { hostName, SELF_HOSTED_OPENID_SERVER } from './shapes.ts';

/**
 * Ory Network as an OAuth 2.0 authorization server at a fixed path under your own host. It is also an
 * OpenID provider: the `oidc` entry (by discovery) verifies ID tokens; this entry needs only a host.
 */
export default defineProvider({
  key: 'ory',
  displayName: 'Ory Network',
  categories: ['iam'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {},
  endpoints: {
    authorization: 'https://{host}/oauth2/auth',
    token: 'https://{host}/oauth2/token',
    revocation: 'https://{host}/oauth2/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName(
      'host',
      'Ory Network host',
      'Your Ory project’s domain (custom domain or <slug>.projects.oryapis.com).',
      'acme-abc123.projects.oryapis.com',
    ),
  ],
  ...SELF_HOSTED_OPENID_SERVER,
  docs: { registerUrl: 'https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow' },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
