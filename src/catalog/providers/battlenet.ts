import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'battlenet',
  displayName: 'Battle.net',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.battle.{extension}/authorize',
    token: 'https://oauth.battle.{extension}/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'extension',
      'Region domain',
      '“net” for the global region, “com.cn” for China.',
      ['net', 'com.cn'],
      'net',
    ),
  ],
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens last 24 hours; there are no refresh tokens.',
  },
  scopes: [
    { name: 'openid', description: 'The user’s id and BattleTag.' },
    { name: 'wow.profile', description: 'World of Warcraft profile.' },
  ],
  docs: {
    registerUrl: 'https://develop.battle.net/documentation/guides/using-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
