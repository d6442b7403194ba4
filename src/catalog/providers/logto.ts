import { defineProvider } from '../provider.ts';
import { hostName, SELF_HOSTED_OPENID_SERVER } from './shapes.ts';

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
  ...SELF_HOSTED_OPENID_SERVER,
  docs: { registerUrl: 'https://docs.logto.io/integrate-logto/third-party-applications' },
});
