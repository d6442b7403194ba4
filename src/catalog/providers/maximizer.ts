import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'maximizer',
  displayName: 'Maximizer (Cloud)',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{region}.maximizercrmlive.com/oauth2/{company_alias}/authorize',
    token: 'https://{region}.maximizercrmlive.com/oauth2/{company_alias}/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    oneOf(
      'region',
      'Region',
      'The Maximizer Cloud region of the account: ca, us, uk or au.',
      ['ca', 'us', 'uk', 'au'],
      'ca',
    ),
    {
      name: 'company_alias',
      label: 'Company alias',
      description: 'Your Maximizer company alias (database alias).',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acme'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.maximizer.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
