import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Marketo: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'marketo',
  displayName: 'Marketo',
  categories: ['marketing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{identity_url}/identity/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName(
      'identity_url',
      'Identity host',
      'The host of your Marketo Identity endpoint (Admin → Web Services).',
      '123-abc-456.mktorest.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication',
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The REST endpoint the catalogs also list is used by API calls, not by the token request.',
  ],
});
