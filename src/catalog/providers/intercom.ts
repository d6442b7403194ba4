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
    issued: 'never',
    rotates: false,
    notes: 'Access tokens do not expire; the workspace admin revokes them.',
  },
  docs: {
    registerUrl:
      'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
    notes: ['Permissions are set on the app in the Intercom Developer Hub, not requested as scopes.'],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
