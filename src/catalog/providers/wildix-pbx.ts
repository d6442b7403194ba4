import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'wildix-pbx',
  displayName: 'Wildix PBX',
  categories: ['communication'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.wildixin.com/authorization/oauth2',
    token: 'https://{subdomain}.wildixin.com/authorization/oauth2Token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    subdomain('subdomain', 'PBX', 'Your Wildix PBX name: the “acme” of acme.wildixin.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.wildix.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
