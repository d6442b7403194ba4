import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'namely',
  displayName: 'Namely',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{company}.namely.com/api/v1/oauth2/authorize',
    token: 'https://{company}.namely.com/api/v1/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [subdomain('company', 'Company', 'Your Namely company: the “acme” of acme.namely.com.', 'acme')],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.namely.com/docs/namely-api/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
