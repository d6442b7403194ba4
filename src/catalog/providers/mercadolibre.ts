import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** Mercado Libre: the consent page is per country site; the token endpoint is global. */
export default defineProvider({
  key: 'mercadolibre',
  displayName: 'Mercado Libre',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.{site}/authorization',
    token: 'https://api.mercadolibre.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'site',
      'Country site',
      'The Mercado Libre site of the seller’s country (mercadolibre.com.ar, mercadolibre.com.mx, mercadolivre.com.br, mercadolibre.cl, mercadolibre.com.co …).',
      [
        'mercadolibre.com.ar',
        'mercadolibre.com.mx',
        'mercadolivre.com.br',
        'mercadolibre.cl',
        'mercadolibre.com.co',
        'mercadolibre.com.uy',
        'mercadolibre.com.pe',
      ],
      'mercadolibre.com.ar',
    ),
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    lifetimeDays: 180,
    notes:
      'Needs offline_access. Access tokens last 6 hours; each refresh token is single use and lasts 6 months.',
  },
  scopes: [
    { name: 'offline_access', description: 'A refresh token, to keep access while the user is away.' },
    { name: 'read', description: 'Read the seller’s data.' },
    { name: 'write', description: 'Change the seller’s listings, orders and messages.' },
  ],
  presets: {},
  keepResponseFields: ['user_id'],
  docs: { registerUrl: 'https://developers.mercadolibre.com.ar/devcenter' },
  uncertain: ['Scopes are chosen on the application; requesting them in the URL may be ignored.'],
});
