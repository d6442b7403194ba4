import amazonSellingPartner from './amazon-selling-partner.ts';
import { variantOf } from './shapes.ts';

/** Selling Partner API authorization of a draft (beta) app: the same flow with `version=beta`. */
export default variantOf(amazonSellingPartner, {
  key: 'amazon-selling-partner-beta',
  displayName: 'Amazon Selling Partner (Beta)',
  authorizationParams: { version: 'beta' },
});
