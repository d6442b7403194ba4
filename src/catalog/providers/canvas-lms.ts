import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'canvas-lms',
  displayName: 'Canvas LMS',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/login/oauth2/auth',
    token: 'https://{hostname}/login/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName('hostname', 'Canvas host', 'The host name of your Canvas instance.', 'acme.instructure.com'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://canvas.instructure.com/doc/api/file.oauth.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
