import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'smartcar',
  displayName: 'Smartcar',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.smartcar.com/oauth/authorize',
    token: 'https://auth.smartcar.com/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  authorizationParams: { approval_prompt: 'auto' },
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Access tokens last 2 hours; refresh tokens 60 days and a new one comes with every refresh.',
  },
  scopes: [
    { name: 'read_vehicle_info', description: 'The vehicle’s make, model and year.' },
    { name: 'read_odometer', description: 'The vehicle’s odometer.' },
    { name: 'read_location', description: 'The vehicle’s location.' },
    { name: 'control_security', description: 'Lock and unlock the vehicle.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://dashboard.smartcar.com/' },
  uncertain: ['approval_prompt=auto is Smartcar’s default and may be left out.'],
});
