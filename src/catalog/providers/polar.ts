import { defineProvider } from '../provider.ts';

/** Polar AccessLink (training data from Polar devices). */
export default defineProvider({
  key: 'polar',
  displayName: 'Polar AccessLink',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://flow.polar.com/oauth2/authorization',
    token: 'https://polarremote.com/v2/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens do not expire until the user revokes them.',
  },
  keepResponseFields: ['x_user_id'],
  scopes: [{ name: 'accesslink.read_all', description: 'All the user’s AccessLink data.' }],
  presets: {},
  docs: { registerUrl: 'https://admin.polaraccesslink.com/' },
  uncertain: ['Polar answers x_user_id as a number; it is kept only when the answer carries it as text.'],
});
