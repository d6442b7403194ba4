import { defineProvider } from '../provider.ts';

/**
 * Mastodon (any instance). Nothing to register by hand: the `mastodon` quirk module registers
 * the app on the instance the first time it is used.
 */
export default defineProvider({
  key: 'mastodon',
  displayName: 'Mastodon',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: '{instance}/oauth/authorize',
    token: '{instance}/oauth/token',
    revocation: '{instance}/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'instance',
      label: 'Instance URL',
      description: 'The address of the Mastodon server, such as https://mastodon.social.',
      pattern: 'https?://[a-z0-9.-]+(:\\d+)?',
      examples: ['https://mastodon.social', 'https://fosstodon.org'],
      kind: 'origin',
    },
  ],
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire; no refresh tokens.' },
  scopes: [
    { name: 'read', description: 'Read everything the account can see.' },
    { name: 'write', description: 'Post, follow, and change the account.' },
    { name: 'push', description: 'Web push subscriptions.' },
    { name: 'read:accounts', description: 'The account’s profile (part of read).' },
    { name: 'read:statuses', description: 'Posts (part of read).' },
    { name: 'write:statuses', description: 'Publish posts (part of write).' },
  ],
  presets: { login: ['read:accounts'] },
  docs: {
    registerUrl: 'https://docs.joinmastodon.org/methods/apps/',
    steps: [
      'Nothing to register by hand: enter the instance URL here and leave the client id empty.',
      'The first connection registers “Consentry” on the instance (POST /api/v1/apps) with the Redirect URL shown here and stores the client id and secret it returns.',
      'Each instance gets its own registered client; add one per instance.',
    ],
  },
  uncertain: ['PKCE (S256) is supported from Mastodon 4.3; older instances ignore it.'],
  quirks: 'mastodon',
});
