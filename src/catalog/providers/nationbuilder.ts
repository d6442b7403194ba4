import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'nationbuilder',
  displayName: 'NationBuilder',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{account_id}.nationbuilder.com/oauth/authorize',
    token: 'https://{account_id}.nationbuilder.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    subdomain(
      'account_id',
      'Nation slug',
      'Your nation’s slug: the “acme” of acme.nationbuilder.com.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'default',
      description: 'The NationBuilder API on behalf of the nation.',
    },
  ],
  presets: {
    crm: ['default'],
  },
  docs: {
    registerUrl: 'https://nationbuilder.com/api_quickstart',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
