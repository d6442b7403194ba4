import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'eventbrite',
  displayName: 'Eventbrite',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.eventbrite.com/oauth/authorize',
    token: 'https://www.eventbrite.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  docs: {
    registerUrl: 'https://www.eventbrite.com/platform/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
