import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'contentstack',
  displayName: 'Contentstack',
  categories: ['cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.contentstack.com/apps/{app_id}/authorize',
    token: 'https://{subdomain}.contentstack.com/apps-api/apps/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'subdomain',
      'Region',
      'The Contentstack region’s app host prefix: “app” (AWS NA), “eu-app”, “azure-na-app”, “azure-eu-app”, “gcp-na-app”.',
      ['app', 'eu-app', 'azure-na-app', 'azure-eu-app', 'gcp-na-app'],
      'app',
    ),
    {
      name: 'app_id',
      label: 'App id',
      description: 'The UID of your app in Contentstack’s Developer Hub.',
      pattern: '[a-z0-9]+',
      examples: ['6400aa06db64de001a31c8a9'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.contentstack.com/docs/developers/developer-hub/contentstack-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
