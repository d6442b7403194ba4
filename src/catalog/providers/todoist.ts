import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'todoist',
  displayName: 'Todoist',
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://todoist.com/oauth/authorize',
    token: 'https://todoist.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'data:read', description: 'Read tasks, projects and labels.' },
    { name: 'data:read_write', description: 'Read and change tasks and projects.' },
    { name: 'task:add', description: 'Add tasks only.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://developer.todoist.com/appconsole.html' },
});
