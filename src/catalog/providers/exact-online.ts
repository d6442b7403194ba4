import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'exact-online',
  displayName: 'Exact Online',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://start.exactonline.{extension}/api/oauth2/auth',
    token: 'https://start.exactonline.{extension}/api/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'extension',
      'Country domain',
      'The country site of the Exact Online account: nl, be, de, co.uk, com (US), fr or es.',
      ['nl', 'be', 'de', 'co.uk', 'com', 'fr', 'es'],
      'nl',
    ),
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 30,
    notes: 'Access tokens last 10 minutes; each refresh returns a new refresh token, valid 30 days.',
  },
  docs: {
    registerUrl:
      'https://support.exactonline.com/community/s/knowledge-base#All-All-DNO-Content-oauth-eol-oauth-devstep1',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
