import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'box',
  displayName: 'Box',
  categories: ['storage'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://account.box.com/api/oauth2/authorize',
    token: 'https://api.box.com/oauth2/token',
    revocation: 'https://api.box.com/oauth2/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Single use: every refresh returns a new refresh token; 60 days. Access tokens last one hour.',
  },
  scopes: [
    { name: 'root_readonly', description: 'Read all files and folders.' },
    { name: 'root_readwrite', description: 'Read and write all files and folders.' },
  ],
  presets: { files: ['root_readwrite'] },
  docs: { registerUrl: 'https://app.box.com/developers/console' },
  uncertain: ['PKCE support is not documented, so it is not sent.'],
});
