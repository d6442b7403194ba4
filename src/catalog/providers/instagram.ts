import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'instagram',
  displayName: 'Instagram',
  categories: ['marketing', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.instagram.com/oauth/authorize',
    token: 'https://api.instagram.com/oauth/access_token',
    refresh: 'https://graph.instagram.com/refresh_access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes:
      'Short-lived tokens (1 hour) are exchanged for long-lived ones (60 days) through graph.instagram.com, outside this grant.',
  },
  scopes: [
    { name: 'instagram_business_basic', description: 'The professional account’s profile and media.' },
    { name: 'instagram_business_content_publish', description: 'Publish media.' },
    { name: 'instagram_business_manage_messages', description: 'Read and send direct messages.' },
    { name: 'instagram_business_manage_comments', description: 'Read and manage comments.' },
  ],
  presets: { login: ['instagram_business_basic'] },
  docs: {
    registerUrl:
      'https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
