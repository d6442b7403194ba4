import { defineProvider } from '../provider.ts';

/** Notion public integrations. JSON token requests: see quirks/notion.ts. */
export default defineProvider({
  key: 'notion',
  displayName: 'Notion',
  categories: ['productivity', 'knowledge-base'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.notion.com/v1/oauth/authorize',
    token: 'https://api.notion.com/v1/oauth/token',
    revocation: 'https://api.notion.com/v1/oauth/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  authorizationParams: { owner: 'user' },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
    notes: 'Older integrations get access tokens that never expire; current docs describe refresh tokens.',
  },
  keepResponseFields: ['bot_id', 'workspace_id', 'workspace_name'],
  scopes: [],
  presets: {},
  docs: {
    registerUrl: 'https://www.notion.so/profile/integrations',
    notes: ['Capabilities are chosen on the integration, not per request; Notion has no scopes.'],
  },
  uncertain: ['Refresh-token behaviour (lifetime, rotation) is not settled in Notion’s docs.'],
  quirks: 'notion',
});
