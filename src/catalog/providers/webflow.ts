import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'webflow',
  displayName: 'Webflow',
  categories: ['dev-tools', 'design', 'cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://webflow.com/oauth/authorize',
    token: 'https://api.webflow.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'authorized_user:read', description: 'The authorising user’s name and email.' },
    { name: 'sites:read', description: 'Read sites.' },
    { name: 'cms:read', description: 'Read CMS collections and items.' },
    { name: 'cms:write', description: 'Change CMS collections and items.' },
  ],
  presets: { login: ['authorized_user:read'] },
  docs: {
    registerUrl: 'https://developers.webflow.com/data/reference/oauth-app',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
