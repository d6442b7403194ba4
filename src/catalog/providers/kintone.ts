import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'kintone',
  displayName: 'Kintone',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.kintone.com/oauth2/authorization',
    token: 'https://{subdomain}.kintone.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    subdomain('subdomain', 'Subdomain', 'Your kintone subdomain: the “acme” of acme.kintone.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://kintone.dev/en/docs/common/authentication/how-to-add-oauth-clients/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
