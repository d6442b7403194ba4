import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'todoist',
  displayName: 'Todoist',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://todoist.com/oauth/authorize',
    token: 'https://todoist.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  revocation: {
    url: 'https://api.todoist.com/api/v1/access_tokens',
    method: 'DELETE',
    tokenIn: 'query',
    tokenParam: 'access_token',
    clientAuth: 'query',
  },
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'data:read', description: 'Read tasks, projects and labels.' },
    { name: 'data:read_write', description: 'Read and change tasks and projects.' },
    { name: 'task:add', description: 'Add tasks only.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://developer.todoist.com/appconsole.html' },
  uncertain: [
    'Revocation: DELETE https://api.todoist.com/api/v1/access_tokens?client_id&client_secret&access_token is taken from the API v1 reference as linked by Todoist’s SDK and a third-party copy, not read first-hand; the SDK calls it legacy and also offers POST /api/v1/revoke (RFC 7009, Basic auth), whose body encoding its docs leave unclear.',
  ],
});
