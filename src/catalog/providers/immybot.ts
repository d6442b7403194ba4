import { defineProvider } from '../provider.ts';
import { entraAppOnly, subdomain } from './shapes.ts';

/** ImmyBot: app-only access through Microsoft Entra ID (client credentials). */
export default defineProvider(
  entraAppOnly({
    key: 'immybot',
    displayName: 'ImmyBot',
    categories: ['dev-tools', 'support'],
    defaultScopes: ['https://{instance_subdomain}.immy.bot/.default'],
    templates: [subdomain('instance_subdomain', 'ImmyBot instance', 'The name before .immy.bot.', 'acme')],
    docs: { registerUrl: 'https://docs.immy.bot/' },
  }),
);
