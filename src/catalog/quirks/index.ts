import { appleQuirks } from './apple.ts';
import { basecampQuirks } from './basecamp.ts';
import { bearerDefaultQuirks } from './bearer-default.ts';
import { customQuirks } from './custom.ts';
import { ebayQuirks } from './ebay.ts';
import { githubQuirks } from './github.ts';
import { ignoreIdTokenQuirks } from './ignore-id-token.ts';
import { mailchimpQuirks } from './mailchimp.ts';
import { mastodonQuirks } from './mastodon.ts';
import { microsoftQuirks } from './microsoft.ts';
import { notionQuirks } from './notion.ts';
import type { ProviderQuirks } from './quirk.ts';
import { salesforceQuirks } from './salesforce.ts';
import { scopeArrayQuirks } from './scope-array.ts';
import { slackQuirks } from './slack.ts';
import { tiktokQuirks } from './tiktok.ts';

/** Quirk modules by name. A provider entry names its module with `quirks: '<name>'`. */
export const QUIRKS: Readonly<Record<string, ProviderQuirks>> = {
  apple: appleQuirks,
  basecamp: basecampQuirks,
  'bearer-default': bearerDefaultQuirks,
  custom: customQuirks,
  ebay: ebayQuirks,
  github: githubQuirks,
  'ignore-id-token': ignoreIdTokenQuirks,
  mailchimp: mailchimpQuirks,
  mastodon: mastodonQuirks,
  microsoft: microsoftQuirks,
  notion: notionQuirks,
  salesforce: salesforceQuirks,
  'scope-array': scopeArrayQuirks,
  slack: slackQuirks,
  tiktok: tiktokQuirks,
};
