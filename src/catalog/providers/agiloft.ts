import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'agiloft',
  displayName: 'Agiloft',
  categories: ['productivity'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: { notes: 'A client of its own (no user) gets tokens from the same token endpoint.' },
  endpoints: {
    authorization: 'https://{hostname}/ewws/oauth',
    token: 'https://{hostname}/ewws/otoken',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName('hostname', 'Agiloft host', 'The host name of your Agiloft instance.', 'acme.agiloft.com'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://wiki.agiloft.com/display/HELP/OAuth+2.0',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
