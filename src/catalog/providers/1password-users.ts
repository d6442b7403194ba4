import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** 1Password (Users API): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: '1password-users',
  displayName: '1Password (Users API)',
  categories: ['iam'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{domain}/v1beta1/users/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    hostName(
      'domain',
      '1Password API host',
      'The host your 1Password account serves its Users API from.',
      'acme.1password.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.1password.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The account id the catalogs also list is used by API calls, not by the token request, and is not asked here.',
  ],
});
