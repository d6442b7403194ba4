import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'lichess',
  displayName: 'Lichess',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://lichess.org/oauth',
    token: 'https://lichess.org/api/token',
  },
  // Lichess has no client registration: any client id works, there is no secret, PKCE is required.
  clientAuth: 'none',
  pkce: true,
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens last about a year; there are no refresh tokens.',
  },
  scopes: [
    { name: 'email:read', description: 'The user’s email address.' },
    { name: 'preference:read', description: 'The user’s preferences.' },
    { name: 'challenge:write', description: 'Create and accept challenges.' },
    { name: 'board:play', description: 'Play games with the board API.' },
  ],
  presets: { login: ['email:read'] },
  docs: { registerUrl: 'https://lichess.org/api#tag/OAuth' },
});
