import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'practicefusion',
  displayName: 'PracticeFusion',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{base_url}/authorize',
    token: 'https://{base_url}/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    aud: 'https://{base_url}',
  },
  templates: [
    hostName(
      'base_url',
      'FHIR host',
      'The host of the Practice Fusion FHIR / SMART authorization server for the practice.',
      'qa-api.practicefusion.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.practicefusion.com/fhir/get-started/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
