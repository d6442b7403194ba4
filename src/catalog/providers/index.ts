import type { ProviderInput } from '../provider.ts';
import airtable from './airtable.ts';
import amazon from './amazon.ts';
import apple from './apple.ts';
import asana from './asana.ts';
import atlassian from './atlassian.ts';
import auth0 from './auth0.ts';
import bitbucket from './bitbucket.ts';
import box from './box.ts';
import cognito from './cognito.ts';
import custom from './custom.ts';
import discord from './discord.ts';
import docusign from './docusign.ts';
import dropbox from './dropbox.ts';
import facebook from './facebook.ts';
import fitbit from './fitbit.ts';
import gitea from './gitea.ts';
import github from './github.ts';
import gitlab from './gitlab.ts';
import google from './google.ts';
import hubspot from './hubspot.ts';
import keycloak from './keycloak.ts';
import linear from './linear.ts';
import linkedin from './linkedin.ts';
import mastodon from './mastodon.ts';
import microsoft from './microsoft.ts';
import miro from './miro.ts';
import nextcloud from './nextcloud.ts';
import notion from './notion.ts';
import oidc from './oidc.ts';
import okta from './okta.ts';
import paypal from './paypal.ts';
import pinterest from './pinterest.ts';
import quickbooks from './quickbooks.ts';
import reddit from './reddit.ts';
import salesforce from './salesforce.ts';
import slack from './slack.ts';
import spotify from './spotify.ts';
import strava from './strava.ts';
import todoist from './todoist.ts';
import twitch from './twitch.ts';
import webex from './webex.ts';
import xTwitter from './x.ts';
import xero from './xero.ts';
import yahoo from './yahoo.ts';
import zendesk from './zendesk.ts';
import zoho from './zoho.ts';
import zoom from './zoom.ts';

/**
 * The catalog: one data file per provider. Adding a provider = one file + one line here (plus a
 * quirk module in ../quirks/ only when something cannot be data). `demo` is built at start-up.
 */
export const CATALOG: readonly ProviderInput[] = [
  airtable,
  amazon,
  apple,
  asana,
  atlassian,
  auth0,
  bitbucket,
  box,
  cognito,
  custom,
  discord,
  docusign,
  dropbox,
  facebook,
  fitbit,
  gitea,
  github,
  gitlab,
  google,
  hubspot,
  keycloak,
  linear,
  linkedin,
  mastodon,
  microsoft,
  miro,
  nextcloud,
  notion,
  oidc,
  okta,
  paypal,
  pinterest,
  quickbooks,
  reddit,
  salesforce,
  slack,
  spotify,
  strava,
  todoist,
  twitch,
  webex,
  xTwitter,
  xero,
  yahoo,
  zendesk,
  zoho,
  zoom,
];
