import { defineProvider } from '../provider.ts';
import { hostName, SELF_HOSTED_OPENID_SERVER } from './shapes.ts';

/**
 * ZITADEL as an OAuth 2.0 authorization server at a fixed path under your own host. It is also an
 * OpenID provider: the `oidc` entry (by discovery) verifies ID tokens; this entry needs only a host.
 */
export default defineProvider({
  key: 'zitadel',
  displayName: 'ZITADEL',
  categories: ['iam'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{host}/oauth/v2/authorize',
    token: 'https://{host}/oauth/v2/token',
    revocation: 'https://{host}/oauth/v2/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName(
      'host',
      'ZITADEL host',
      'Your ZITADEL instance domain (the custom domain or acme-xyz.zitadel.cloud).',
      'acme-abc123.zitadel.cloud',
    ),
  ],
  ...SELF_HOSTED_OPENID_SERVER,
  docs: { registerUrl: 'https://zitadel.com/docs/guides/integrate/login/oidc/login-users' },
});
