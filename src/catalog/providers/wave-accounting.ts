import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wave-accounting',
  displayName: 'Wave Accounting',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.waveapps.com/oauth2/authorize',
    token: 'https://api.waveapps.com/oauth2/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 2 hours.' },
  scopes: [
    { name: 'user:read', description: 'The user’s profile.' },
    { name: 'business:read', description: 'Read businesses.' },
    { name: 'invoice:read', description: 'Read invoices.' },
    { name: 'customer:read', description: 'Read customers.' },
  ],
  presets: { login: ['user:read'], contacts: ['customer:read'] },
  docs: {
    registerUrl: 'https://developer.waveapps.com/hc/en-us/articles/360019493652-OAuth-Guide',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
