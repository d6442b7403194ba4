import { defineProvider } from '../provider.ts';
import { entraAppOnly } from './shapes.ts';

/** Nerdio Manager: app-only access through Microsoft Entra ID (client credentials). */
export default defineProvider(
  entraAppOnly({
    key: 'nerdio',
    displayName: 'Nerdio Manager',
    categories: ['other'],
    defaultScopes: ['{api_scope}'],
    templates: [
      {
        name: 'api_scope',
        label: 'API scope',
        description: 'The scope shown on Nerdio Manager’s REST API settings page (api://…/.default).',
        pattern: 'api://[0-9a-fA-F-]{36}/\\.default',
        examples: ['api://0123abcd-4567-89ef-0123-456789abcdef/.default'],
      },
    ],
    docs: { registerUrl: 'https://nmw.zendesk.com/hc/en-us/articles/4731662951447-Nerdio-Manager-REST-API' },
  }),
);
