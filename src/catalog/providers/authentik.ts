import { defineProvider } from '../provider.ts';
import { hostName, SELF_HOSTED_OPENID_SERVER } from './shapes.ts';

/**
 * Authentik as an OAuth 2.0 authorization server at a fixed path under your own host. It is also an
 * OpenID provider: the `oidc` entry (by discovery) verifies ID tokens; this entry needs only a host.
 */
export default defineProvider({
  key: 'authentik',
  displayName: 'Authentik',
  categories: ['iam'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{host}/application/o/authorize/',
    token: 'https://{host}/application/o/token/',
    revocation: 'https://{host}/application/o/revoke/',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName('host', 'Authentik host', 'The host name of your authentik server.', 'authentik.example.com'),
  ],
  ...SELF_HOSTED_OPENID_SERVER,
  docs: { registerUrl: 'https://docs.goauthentik.io/docs/add-secure-apps/providers/oauth2/' },
});
