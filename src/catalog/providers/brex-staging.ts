import brex from './brex.ts';
import { variantOf } from './shapes.ts';

/** Brex’s staging environment: the production entry with the staging hosts. */
export default variantOf(brex, {
  key: 'brex-staging',
  displayName: 'Brex (Staging OAuth)',
  endpoints: {
    authorization: 'https://accounts-api.staging.brexapps.com/oauth2/default/v1/authorize',
    token: 'https://accounts-api.staging.brexapps.com/oauth2/default/v1/token',
  },
});
