import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Shopware (Admin API): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'shopware',
  displayName: 'Shopware (Admin API)',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{shopware_url}/api/oauth/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: {},
  templates: [hostName('shopware_url', 'Shop host', 'The host of your Shopware shop.', 'shop.example.com')],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://shopware.stoplight.io/docs/admin-api/',
    notes: [
      'Create an integration under Settings → System → Integrations; its access key id and secret are the client id and secret.',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
