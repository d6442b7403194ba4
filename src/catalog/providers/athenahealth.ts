import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** athenahealth: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'athenahealth',
  displayName: 'athenahealth',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.platform.athenahealth.com/oauth2/v1/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    oneOf(
      'subdomain',
      'Environment',
      'api for production, api.preview for the preview (sandbox) environment.',
      ['api', 'api.preview'],
      'api',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://docs.athenahealth.com/api/guides/authentication' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The practice id the catalogs list is part of API paths, not of the token request.',
  ],
});
