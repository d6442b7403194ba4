import { defineProvider } from '../provider.ts';

/** Bungie.net (Destiny). Confidential clients authenticate with Basic. */
export default defineProvider({
  key: 'bungie',
  displayName: 'Bungie.net',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.bungie.net/en/OAuth/Authorize',
    token: 'https://www.bungie.net/platform/app/oauth/token/',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 90,
    notes: 'Access tokens last one hour; refresh tokens (confidential clients only) 90 days.',
  },
  keepResponseFields: ['membership_id'],
  docs: {
    registerUrl: 'https://www.bungie.net/en/Application',
    notes: [
      'Scopes are chosen on the application at Bungie, not in the request. API calls also need the X-API-Key header.',
    ],
  },
  uncertain: ['Rotation on refresh is from Bungie’s OAuth wiki; PKCE support is not documented.'],
});
