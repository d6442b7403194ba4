import { defineProvider } from '../provider.ts';

/** Login with Amazon. */
export default defineProvider({
  key: 'amazon',
  displayName: 'Amazon (Login with Amazon)',
  categories: ['iam', 'e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.amazon.com/ap/oa',
    token: 'https://api.amazon.com/auth/o2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: false, notes: 'Access tokens last one hour.' },
  scopes: [
    { name: 'profile', description: 'Name, email address and user id.' },
    { name: 'profile:user_id', description: 'The user id only.' },
    { name: 'postal_code', description: 'The postal code on file.' },
  ],
  presets: { login: ['profile'] },
  docs: { registerUrl: 'https://developer.amazon.com/loginwithamazon/console/site/lwa/overview.html' },
});
