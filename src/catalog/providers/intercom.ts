import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'intercom',
  displayName: 'Intercom',
  categories: ['marketing', 'popular', 'support', 'surveys', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.{region}.intercom.com/oauth',
    token: 'https://api.{region}.intercom.io/auth/eagle/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'region',
      'Region',
      'The region of the Intercom workspace: “us” (default), “eu” or “au”.',
      ['us', 'eu', 'au'],
      'us',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
