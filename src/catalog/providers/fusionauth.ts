import { defineProvider } from '../provider.ts';
import { hostName, SELF_HOSTED_OPENID_SERVER } from './shapes.ts';

/**
 * FusionAuth as an OAuth 2.0 authorization server at a fixed path under your own host. It is also an
 * OpenID provider: the `oidc` entry (by discovery) verifies ID tokens; this entry needs only a host.
 */
export default defineProvider({
  key: 'fusionauth',
  displayName: 'FusionAuth',
  categories: ['iam'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{host}/oauth2/authorize',
    token: 'https://{host}/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName('host', 'FusionAuth host', 'The host name of your FusionAuth instance.', 'auth.example.com'),
  ],
  ...SELF_HOSTED_OPENID_SERVER,
  docs: { registerUrl: 'https://fusionauth.io/docs/lifecycle/authenticate-users/oauth/' },
});
