import { defineProvider } from '../provider.ts';
import { entraAppOnly } from './shapes.ts';

/** Microsoft Dynamics 365 Business Central: app-only access through Microsoft Entra ID (client credentials). */
export default defineProvider(
  entraAppOnly({
    key: 'microsoft-business-central',
    displayName: 'Microsoft Dynamics 365 Business Central',
    categories: ['erp', 'accounting'],
    defaultScopes: ['https://api.businesscentral.dynamics.com/.default'],
    docs: {
      registerUrl:
        'https://learn.microsoft.com/en-us/dynamics365/business-central/dev-itpro/administration/automation-apis-using-s2s-authentication',
      notes: ['The environment name is part of the API paths, not of the token request.'],
    },
  }),
);
