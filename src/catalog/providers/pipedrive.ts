import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pipedrive',
  displayName: 'Pipedrive',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.pipedrive.com/oauth/authorize',
    token: 'https://oauth.pipedrive.com/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    lifetimeDays: 60,
    notes: 'Access tokens last one hour; a refresh token expires after 60 days without use.',
  },
  scopes: [
    { name: 'base', description: 'The user’s basic account data (always granted).' },
    { name: 'deals:read', description: 'Read deals.' },
    { name: 'deals:full', description: 'Read and change deals.' },
    { name: 'contacts:read', description: 'Read persons and organizations.' },
    { name: 'contacts:full', description: 'Read and change persons and organizations.' },
    { name: 'activities:full', description: 'Read and change activities.' },
  ],
  presets: { crm: ['base', 'deals:full', 'contacts:full'], contacts: ['base', 'contacts:read'] },
  docs: {
    registerUrl: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
    notes: ['Scopes are set on the app in Pipedrive’s Developer Hub; the consent screen shows those.'],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
