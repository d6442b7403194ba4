import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** Zuora: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'zuora',
  displayName: 'Zuora',
  categories: ['erp', 'invoicing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.zuora.com/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    oneOf(
      'subdomain',
      'Environment',
      'The REST host label of your Zuora environment.',
      ['rest', 'rest.apisandbox', 'rest.eu', 'rest.sandbox.eu', 'rest.na', 'rest.test'],
      'rest',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.zuora.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
