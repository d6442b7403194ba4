import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'datto-rmm',
  displayName: 'Datto RMM',
  categories: ['support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{platform}-api.centrastage.net/auth/oauth/authorize',
    token: 'https://{platform}-api.centrastage.net/auth/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  templates: [
    oneOf(
      'platform',
      'Platform',
      'The Datto RMM platform of the account (pinotage, merlot, concord, vidal, zinfandel, syrah).',
      ['pinotage', 'merlot', 'concord', 'vidal', 'zinfandel', 'syrah'],
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://rmm.datto.com/help/en/Content/2SETUP/APIv2.htm',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
