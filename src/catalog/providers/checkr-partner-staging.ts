import checkrPartner from './checkr-partner.ts';
import { variantOf } from './shapes.ts';

/** Checkr's partner staging environment: the production entry with the staging hosts. */
export default variantOf(checkrPartner, {
  key: 'checkr-partner-staging',
  displayName: 'Checkr Partner (Staging)',
  endpoints: {
    authorization: 'https://partners.checkrhq-staging.net/authorize/{client_id}',
    token: 'https://api.checkr-staging.com/oauth/tokens',
  },
});
