import { defineProvider } from '../provider.ts';

/** Cisco Webex integrations. */
export default defineProvider({
  key: 'webex',
  displayName: 'Webex',
  categories: ['communication', 'video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://webexapis.com/v1/authorize',
    token: 'https://webexapis.com/v1/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: false,
    lifetimeDays: 90,
    notes: 'Access tokens last 14 days, refresh tokens 90 days (renewed when used).',
  },
  scopes: [
    { name: 'spark:people_read', description: 'The user’s profile.' },
    { name: 'spark:all', description: 'Full access to the user’s Webex account.' },
    { name: 'meeting:schedules_read', description: 'Meeting schedules.' },
    { name: 'meeting:schedules_write', description: 'Schedule meetings.' },
  ],
  presets: { login: ['spark:people_read'], calendar: ['meeting:schedules_read', 'meeting:schedules_write'] },
  docs: { registerUrl: 'https://developer.webex.com/my-apps/new/integration' },
  uncertain: ['Token responses without `token_type` are treated as bearer.', 'PKCE support is undocumented.'],
  quirks: 'bearer-default',
});
