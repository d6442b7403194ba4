import ringCentral from './ring-central.ts';
import { variantOf } from './shapes.ts';

/** RingCentral’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(ringCentral, {
  key: 'ring-central-sandbox',
  displayName: 'RingCentral (Sandbox)',
  endpoints: {
    authorization: 'https://platform.devtest.ringcentral.com/restapi/oauth/authorize',
    token: 'https://platform.devtest.ringcentral.com/restapi/oauth/token',
    revocation: 'https://platform.devtest.ringcentral.com/restapi/oauth/revoke',
  },
});
