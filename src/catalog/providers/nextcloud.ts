import { defineProvider } from '../provider.ts';

/** A Nextcloud server (its built-in OAuth 2.0 app). */
export default defineProvider({
  key: 'nextcloud',
  displayName: 'Nextcloud',
  categories: ['storage', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: '{instance}/index.php/apps/oauth2/authorize',
    token: '{instance}/index.php/apps/oauth2/api/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    {
      name: 'instance',
      label: 'Nextcloud URL',
      description: 'The address of your Nextcloud, with its path if it has one.',
      pattern: 'https?://[^\\s?#]+',
      examples: ['https://cloud.example.com', 'https://example.com/nextcloud'],
      kind: 'base',
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last one hour; each refresh returns a new refresh token.',
  },
  scopes: [],
  presets: {},
  docs: {
    registerUrl: 'https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/oauth2.html',
    steps: [
      'Nextcloud → Administration settings → Security → OAuth 2.0 clients: add a client.',
      'Redirection URI: paste the Redirect URL shown here; copy the client identifier and secret here.',
    ],
    notes: ['A Nextcloud token grants full access to the account; there are no scopes.'],
  },
});
