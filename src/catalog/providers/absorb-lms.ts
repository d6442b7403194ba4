import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'absorb-lms',
  displayName: 'Absorb LMS',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{portal_route}/oauth/authorize',
    token: 'https://{portal_route}/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    hostName(
      'portal_route',
      'Portal host',
      'The host name of your Absorb LMS portal, as in its address bar.',
      'acme.myabsorb.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://support.absorblms.com/hc/en-us/articles/360052315393',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
