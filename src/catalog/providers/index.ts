import type { ProviderAliasInput, ProviderInput } from '../provider.ts';
/**
 * The catalog: one data file per provider. Adding a provider = one file + one line here (plus a
 * quirk module in ../quirks/ only when something cannot be data). `demo` is built at start-up.
 */
import p1passwordUsers from './1password-users.ts';
import p8x8 from './8x8.ts';
import absorbLms from './absorb-lms.ts';
import accelo from './accelo.ts';
import acuityScheduling from './acuity-scheduling.ts';
import addepar from './addepar.ts';
import adobe from './adobe.ts';
import adobeUmapi from './adobe-umapi.ts';
import adobeWorkfront from './adobe-workfront.ts';
import adoxxCc from './adoxx-cc.ts';
import adp from './adp.ts';
import adyen from './adyen.ts';
import agentcard from './agentcard.ts';
import agiloft from './agiloft.ts';
import ahrefs from './ahrefs.ts';
import aimfoxOauth from './aimfox-oauth.ts';
import aircall from './aircall.ts';
import airtable from './airtable.ts';
import { ALIASES } from './aliases.ts';
import amazon from './amazon.ts';
import amazonSellingPartner from './amazon-selling-partner.ts';
import amazonSellingPartnerBeta from './amazon-selling-partner-beta.ts';
import anilist from './anilist.ts';
import apaleo from './apaleo.ts';
import apple from './apple.ts';
import asana from './asana.ts';
import athenahealth from './athenahealth.ts';
import atlassian from './atlassian.ts';
import atlassianGovernmentCloud from './atlassian-government-cloud.ts';
import attio from './attio.ts';
import auth0 from './auth0.ts';
import authentik from './authentik.ts';
import autodesk from './autodesk.ts';
import availity from './availity.ts';
import aws from './aws.ts';
import bamboohr from './bamboohr.ts';
import basecamp from './basecamp.ts';
import battlenet from './battlenet.ts';
import bigchange from './bigchange.ts';
import bigcommerce from './bigcommerce.ts';
import bingWebmasters from './bing-webmasters.ts';
import bitbucket from './bitbucket.ts';
import bitly from './bitly.ts';
import blackbaud from './blackbaud.ts';
import bliro from './bliro.ts';
import boldsign from './boldsign.ts';
import boondmanager from './boondmanager.ts';
import box from './box.ts';
import braintree from './braintree.ts';
import braintreeSandbox from './braintree-sandbox.ts';
import brex from './brex.ts';
import brexStaging from './brex-staging.ts';
import brightcrowd from './brightcrowd.ts';
import buffer from './buffer.ts';
import bullhorn from './bullhorn.ts';
import bungie from './bungie.ts';
import calComOauth from './cal-com-oauth.ts';
import calendly from './calendly.ts';
import candis from './candis.ts';
import canva from './canva.ts';
import canvasLms from './canvas-lms.ts';
import chartboost from './chartboost.ts';
import checkoutCom from './checkout-com.ts';
import checkoutComSandbox from './checkout-com-sandbox.ts';
import checkrPartner from './checkr-partner.ts';
import checkrPartnerStaging from './checkr-partner-staging.ts';
import cleverreach from './cleverreach.ts';
import clickup from './clickup.ts';
import clio from './clio.ts';
import close from './close.ts';
import cloudbeds from './cloudbeds.ts';
import cloudentity from './cloudentity.ts';
import clover from './clover.ts';
import cognito from './cognito.ts';
import commercetools from './commercetools.ts';
import conductorone from './conductorone.ts';
import connectwiseRmm from './connectwise-rmm.ts';
import constantContact from './constant-contact.ts';
import contaAzul from './conta-azul.ts';
import contentful from './contentful.ts';
import contentstack from './contentstack.ts';
import copper from './copper.ts';
import coros from './coros.ts';
import corosSandbox from './coros-sandbox.ts';
import coupaCompass from './coupa-compass.ts';
import crowdstrike from './crowdstrike.ts';
import custom from './custom.ts';
import databricksAccount from './databricks-account.ts';
import databricksWorkspace from './databricks-workspace.ts';
import datadogOauth from './datadog-oauth.ts';
import datev from './datev.ts';
import dattoRmm from './datto-rmm.ts';
import deel from './deel.ts';
import deelSandbox from './deel-sandbox.ts';
import dentally from './dentally.ts';
import deviantart from './deviantart.ts';
import dialpad from './dialpad.ts';
import dialpadSandbox from './dialpad-sandbox.ts';
import digitalocean from './digitalocean.ts';
import digits from './digits.ts';
import discord from './discord.ts';
import docusign from './docusign.ts';
import domo from './domo.ts';
import dopeSecurity from './dope-security.ts';
import drchrono from './drchrono.ts';
import dribbble from './dribbble.ts';
import dropbox from './dropbox.ts';
import dropboxSign from './dropbox-sign.ts';
import dynatraceOauth from './dynatrace-oauth.ts';
import ebay from './ebay.ts';
import ebaySandbox from './ebay-sandbox.ts';
import egnyte from './egnyte.ts';
import emarsysOauth from './emarsys-oauth.ts';
import employmentHero from './employment-hero.ts';
import envoy from './envoy.ts';
import epicGames from './epic-games.ts';
import etsy from './etsy.ts';
import eventbrite from './eventbrite.ts';
import exactOnline from './exact-online.ts';
import exist from './exist.ts';
import facebook from './facebook.ts';
import factorial from './factorial.ts';
import fanvue from './fanvue.ts';
import fathomOauth from './fathom-oauth.ts';
import figma from './figma.ts';
import fillout from './fillout.ts';
import firefish from './firefish.ts';
import fiserv from './fiserv.ts';
import fitbit from './fitbit.ts';
import followupboss from './followupboss.ts';
import fortnox from './fortnox.ts';
import freeagent from './freeagent.ts';
import freeagentSandbox from './freeagent-sandbox.ts';
import freshbooks from './freshbooks.ts';
import freshworks from './freshworks.ts';
import front from './front.ts';
import fusionauth from './fusionauth.ts';
import gainsightCc from './gainsight-cc.ts';
import garminOauth2 from './garmin-oauth2.ts';
import gebruderWeiss from './gebruder-weiss.ts';
import gettyImages from './getty-images.ts';
import gitea from './gitea.ts';
import github from './github.ts';
import gitlab from './gitlab.ts';
import gleanOauth from './glean-oauth.ts';
import gongOauth from './gong-oauth.ts';
import google from './google.ts';
import gorgias from './gorgias.ts';
import grain from './grain.ts';
import grammarly from './grammarly.ts';
import greenhouse from './greenhouse.ts';
import greenhouseHarvestOauth2Cc from './greenhouse-harvest-oauth2-cc.ts';
import greenhouseHarvestPartner from './greenhouse-harvest-partner.ts';
import gumroad from './gumroad.ts';
import gusto from './gusto.ts';
import gustoDemo from './gusto-demo.ts';
import haloPsa from './halo-psa.ts';
import harvest from './harvest.ts';
import healthGorilla from './health-gorilla.ts';
import helpscoutMailbox from './helpscout-mailbox.ts';
import heygen from './heygen.ts';
import hibobOauth from './hibob-oauth.ts';
import highlevel from './highlevel.ts';
import highlevelWhiteLabel from './highlevel-white-label.ts';
import hover from './hover.ts';
import hubspot from './hubspot.ts';
import hubstaff from './hubstaff.ts';
import imgur from './imgur.ts';
import immybot from './immybot.ts';
import ingeniousBuild from './ingenious-build.ts';
import instagram from './instagram.ts';
import intercom from './intercom.ts';
import ironclad from './ironclad.ts';
import jamf from './jamf.ts';
import jiraDataCenter from './jira-data-center.ts';
import jobadder from './jobadder.ts';
import jobber from './jobber.ts';
import judgemeOauth from './judgeme-oauth.ts';
import justworks from './justworks.ts';
import kakao from './kakao.ts';
import keap from './keap.ts';
import keycloak from './keycloak.ts';
import kick from './kick.ts';
import kintone from './kintone.ts';
import klaviyoOauth from './klaviyo-oauth.ts';
import knoCommerce from './kno-commerce.ts';
import lever from './lever.ts';
import leverSandbox from './lever-sandbox.ts';
import lichess from './lichess.ts';
import lightspeedRetail from './lightspeed-retail.ts';
import line from './line.ts';
import linear from './linear.ts';
import linkedin from './linkedin.ts';
import linkhut from './linkhut.ts';
import listrak from './listrak.ts';
import logto from './logto.ts';
import lokalise from './lokalise.ts';
import lookerOauth from './looker-oauth.ts';
import mailchimp from './mailchimp.ts';
import malwarebytes from './malwarebytes.ts';
import marketo from './marketo.ts';
import mastodon from './mastodon.ts';
import maximizer from './maximizer.ts';
import maximizerOnPremise from './maximizer-on-premise.ts';
import medallia from './medallia.ts';
import mercadolibre from './mercadolibre.ts';
import mercury from './mercury.ts';
import microsoft from './microsoft.ts';
import microsoftBusinessCentral from './microsoft-business-central.ts';
import microsoftDynamics365FinanceAndOperations from './microsoft-dynamics-365-finance-and-operations.ts';
import microsoftOauth2Cc from './microsoft-oauth2-cc.ts';
import mimecast from './mimecast.ts';
import miro from './miro.ts';
import mollie from './mollie.ts';
import monday from './monday.ts';
import mural from './mural.ts';
import myob from './myob.ts';
import namely from './namely.ts';
import nationbuilder from './nationbuilder.ts';
import naver from './naver.ts';
import nerdio from './nerdio.ts';
import netsuite from './netsuite.ts';
import nextcloud from './nextcloud.ts';
import nexthink from './nexthink.ts';
import ninjaoneRmmOauth2 from './ninjaone-rmm-oauth2.ts';
import notion from './notion.ts';
import odoo from './odoo.ts';
import oidc from './oidc.ts';
import okta from './okta.ts';
import onelogin from './onelogin.ts';
import onshape from './onshape.ts';
import optumReal from './optum-real.ts';
import oracleCloudIdentity from './oracle-cloud-identity.ts';
import ory from './ory.ts';
import osu from './osu.ts';
import oura from './oura.ts';
import outreach from './outreach.ts';
import pagerduty from './pagerduty.ts';
import pandadoc from './pandadoc.ts';
import patreon from './patreon.ts';
import pax8 from './pax8.ts';
import paychex from './paychex.ts';
import paycor from './paycor.ts';
import paycorSandbox from './paycor-sandbox.ts';
import payfit from './payfit.ts';
import paylocity from './paylocity.ts';
import paylocityNextgen from './paylocity-nextgen.ts';
import paypal from './paypal.ts';
import pendoOauth from './pendo-oauth.ts';
import pennylane from './pennylane.ts';
import perk from './perk.ts';
import personioV2 from './personio-v2.ts';
import pingboard from './pingboard.ts';
import pingone from './pingone.ts';
import pinterest from './pinterest.ts';
import pipedreamOauth2Cc from './pipedream-oauth2-cc.ts';
import pipedrive from './pipedrive.ts';
import planningCenterOnline from './planning-center-online.ts';
import pleo from './pleo.ts';
import podium from './podium.ts';
import polar from './polar.ts';
import posthogOauth from './posthog-oauth.ts';
import practicefusion from './practicefusion.ts';
import precisefp from './precisefp.ts';
import printful from './printful.ts';
import procore from './procore.ts';
import productboard from './productboard.ts';
import pushpayChmsV2 from './pushpay-chms-v2.ts';
import qualtrics from './qualtrics.ts';
import quickbooks from './quickbooks.ts';
import ramp from './ramp.ts';
import rampSandbox from './ramp-sandbox.ts';
import readAi from './read-ai.ts';
import reapit from './reapit.ts';
import reddit from './reddit.ts';
import revivn from './revivn.ts';
import revolutBusiness from './revolut-business.ts';
import ringCentral from './ring-central.ts';
import ringCentralSandbox from './ring-central-sandbox.ts';
import ripplingShopApp from './rippling-shop-app.ts';
import roblox from './roblox.ts';
import roller from './roller.ts';
import rydership from './rydership.ts';
import rydoo from './rydoo.ts';
import sage from './sage.ts';
import sage200 from './sage-200.ts';
import sageIntacctOauth from './sage-intacct-oauth.ts';
import sagePeople from './sage-people.ts';
import salesforce from './salesforce.ts';
import salesforceExperienceCloud from './salesforce-experience-cloud.ts';
import salesloft from './salesloft.ts';
import salesmsgOauth2 from './salesmsg-oauth2.ts';
import sapAriba from './sap-ariba.ts';
import sapConcur from './sap-concur.ts';
import sapOdataOauth2Cc from './sap-odata-oauth2-cc.ts';
import schwab from './schwab.ts';
import sedna from './sedna.ts';
import segment from './segment.ts';
import sellsy from './sellsy.ts';
import servicem8 from './servicem8.ts';
import servicenow from './servicenow.ts';
import shopify from './shopify.ts';
import shoplineOauth from './shopline-oauth.ts';
import shopware from './shopware.ts';
import signnow from './signnow.ts';
import signnowSandbox from './signnow-sandbox.ts';
import simpro from './simpro.ts';
import slack from './slack.ts';
import smartcar from './smartcar.ts';
import smartsheet from './smartsheet.ts';
import snapchat from './snapchat.ts';
import snowflake from './snowflake.ts';
import sophosCentral from './sophos-central.ts';
import soundcloud from './soundcloud.ts';
import spendesk from './spendesk.ts';
import splitwise from './splitwise.ts';
import spotify from './spotify.ts';
import squarespace from './squarespace.ts';
import squareup from './squareup.ts';
import squareupSandbox from './squareup-sandbox.ts';
import stackexchange from './stackexchange.ts';
import strava from './strava.ts';
import stripe from './stripe.ts';
import stripeApp from './stripe-app.ts';
import stripeAppSandbox from './stripe-app-sandbox.ts';
import stripeExpress from './stripe-express.ts';
import surveyMonkey from './survey-monkey.ts';
import swoogo from './swoogo.ts';
import tapclicks from './tapclicks.ts';
import teamleader from './teamleader.ts';
import teamwork from './teamwork.ts';
import tempo from './tempo.ts';
import thomsonReutersLegalTracker from './thomson-reuters-legal-tracker.ts';
import thomsonReutersLegalTrackerTrAccount from './thomson-reuters-legal-tracker-tr-account.ts';
import threads from './threads.ts';
import thrivecartOauth from './thrivecart-oauth.ts';
import ticktick from './ticktick.ts';
import tiktokAccounts from './tiktok-accounts.ts';
import tiktokAds from './tiktok-ads.ts';
import tiktokPersonal from './tiktok-personal.ts';
import timely from './timely.ts';
import todoist from './todoist.ts';
import trafft from './trafft.ts';
import trakt from './trakt.ts';
import transporeonCarrierOauth2Cc from './transporeon-carrier-oauth2-cc.ts';
import transporeonOauth2Cc from './transporeon-oauth2-cc.ts';
import tremendous from './tremendous.ts';
import tremendousSandbox from './tremendous-sandbox.ts';
import trustpilot from './trustpilot.ts';
import tsheetsteam from './tsheetsteam.ts';
import tumblr from './tumblr.ts';
import twinfield from './twinfield.ts';
import twitch from './twitch.ts';
import typeform from './typeform.ts';
import uber from './uber.ts';
import ukgProCc from './ukg-pro-cc.ts';
import ukgProWfm from './ukg-pro-wfm.ts';
import ukgReady from './ukg-ready.ts';
import vanta from './vanta.ts';
import videoask from './videoask.ts';
import vimeo from './vimeo.ts';
import wakatime from './wakatime.ts';
import walmart from './walmart.ts';
import waveAccounting from './wave-accounting.ts';
import wealthbox from './wealthbox.ts';
import webex from './webex.ts';
import webflow from './webflow.ts';
import whoop from './whoop.ts';
import wildixPbx from './wildix-pbx.ts';
import wiseagent from './wiseagent.ts';
import wordpress from './wordpress.ts';
import workableOauth from './workable-oauth.ts';
import workdayOauth from './workday-oauth.ts';
import wrike from './wrike.ts';
import xTwitter from './x.ts';
import xero from './xero.ts';
import yahoo from './yahoo.ts';
import yandex from './yandex.ts';
import yokoy from './yokoy.ts';
import zapier from './zapier.ts';
import zapierNla from './zapier-nla.ts';
import zendesk from './zendesk.ts';
import zendeskSell from './zendesk-sell.ts';
import zenefits from './zenefits.ts';
import zitadel from './zitadel.ts';
import zoho from './zoho.ts';
import zoom from './zoom.ts';
import zuora from './zuora.ts';

export const CATALOG: readonly ProviderInput[] = [
  absorbLms,
  accelo,
  acuityScheduling,
  addepar,
  adobe,
  adobeWorkfront,
  adyen,
  agiloft,
  ahrefs,
  aimfoxOauth,
  aircall,
  airtable,
  amazon,
  amazonSellingPartner,
  amazonSellingPartnerBeta,
  anilist,
  apaleo,
  apple,
  asana,
  atlassian,
  atlassianGovernmentCloud,
  attio,
  auth0,
  authentik,
  autodesk,
  aws,
  bamboohr,
  basecamp,
  battlenet,
  bigcommerce,
  bingWebmasters,
  bitbucket,
  bitly,
  blackbaud,
  boldsign,
  boondmanager,
  box,
  braintree,
  braintreeSandbox,
  brex,
  brexStaging,
  buffer,
  bullhorn,
  bungie,
  calComOauth,
  calendly,
  candis,
  canva,
  canvasLms,
  checkrPartner,
  checkrPartnerStaging,
  cleverreach,
  clickup,
  clio,
  close,
  cloudbeds,
  clover,
  cognito,
  constantContact,
  contaAzul,
  contentful,
  contentstack,
  copper,
  coros,
  corosSandbox,
  custom,
  datadogOauth,
  datev,
  dattoRmm,
  deel,
  deelSandbox,
  dentally,
  deviantart,
  dialpad,
  dialpadSandbox,
  digitalocean,
  digits,
  discord,
  docusign,
  drchrono,
  dribbble,
  dropbox,
  dropboxSign,
  ebay,
  ebaySandbox,
  egnyte,
  employmentHero,
  envoy,
  epicGames,
  etsy,
  eventbrite,
  exactOnline,
  exist,
  facebook,
  factorial,
  fanvue,
  fathomOauth,
  figma,
  fillout,
  fitbit,
  followupboss,
  fortnox,
  freeagent,
  freeagentSandbox,
  freshbooks,
  freshworks,
  front,
  fusionauth,
  garminOauth2,
  gettyImages,
  gitea,
  github,
  gitlab,
  gleanOauth,
  gongOauth,
  google,
  gorgias,
  grain,
  greenhouse,
  greenhouseHarvestPartner,
  gumroad,
  gusto,
  gustoDemo,
  harvest,
  healthGorilla,
  helpscoutMailbox,
  heygen,
  hibobOauth,
  highlevel,
  highlevelWhiteLabel,
  hover,
  hubspot,
  hubstaff,
  imgur,
  instagram,
  intercom,
  ironclad,
  jiraDataCenter,
  jobadder,
  jobber,
  judgemeOauth,
  justworks,
  kakao,
  keap,
  keycloak,
  kick,
  kintone,
  klaviyoOauth,
  lever,
  leverSandbox,
  lichess,
  lightspeedRetail,
  line,
  linear,
  linkedin,
  linkhut,
  logto,
  lokalise,
  lookerOauth,
  mailchimp,
  mastodon,
  maximizer,
  maximizerOnPremise,
  mercadolibre,
  mercury,
  microsoft,
  microsoftDynamics365FinanceAndOperations,
  miro,
  mollie,
  monday,
  mural,
  myob,
  namely,
  nationbuilder,
  naver,
  netsuite,
  nextcloud,
  ninjaoneRmmOauth2,
  notion,
  odoo,
  oidc,
  okta,
  onshape,
  ory,
  osu,
  oura,
  outreach,
  pagerduty,
  pandadoc,
  patreon,
  paycor,
  paycorSandbox,
  payfit,
  paypal,
  pennylane,
  perk,
  pingone,
  pinterest,
  pipedrive,
  planningCenterOnline,
  pleo,
  podium,
  polar,
  posthogOauth,
  practicefusion,
  precisefp,
  printful,
  procore,
  productboard,
  pushpayChmsV2,
  qualtrics,
  quickbooks,
  ramp,
  rampSandbox,
  readAi,
  reapit,
  reddit,
  revolutBusiness,
  ringCentral,
  ringCentralSandbox,
  ripplingShopApp,
  roblox,
  rydership,
  sage,
  sage200,
  sageIntacctOauth,
  sagePeople,
  salesforce,
  salesforceExperienceCloud,
  salesloft,
  salesmsgOauth2,
  schwab,
  segment,
  sellsy,
  servicem8,
  servicenow,
  shopify,
  shoplineOauth,
  signnow,
  signnowSandbox,
  simpro,
  slack,
  smartcar,
  smartsheet,
  snapchat,
  snowflake,
  soundcloud,
  spendesk,
  splitwise,
  spotify,
  squarespace,
  squareup,
  squareupSandbox,
  stackexchange,
  strava,
  stripe,
  stripeApp,
  stripeAppSandbox,
  stripeExpress,
  surveyMonkey,
  teamleader,
  teamwork,
  tempo,
  threads,
  thrivecartOauth,
  ticktick,
  tiktokAccounts,
  tiktokAds,
  tiktokPersonal,
  timely,
  todoist,
  trakt,
  tremendous,
  tremendousSandbox,
  trustpilot,
  tsheetsteam,
  tumblr,
  twinfield,
  twitch,
  typeform,
  uber,
  ukgProWfm,
  videoask,
  vimeo,
  wakatime,
  walmart,
  waveAccounting,
  wealthbox,
  webex,
  webflow,
  whoop,
  wildixPbx,
  wiseagent,
  wordpress,
  workableOauth,
  workdayOauth,
  wrike,
  xTwitter,
  xero,
  yahoo,
  yandex,
  zapier,
  zapierNla,
  zendesk,
  zendeskSell,
  zenefits,
  zitadel,
  zoho,
  zoom,
  p1passwordUsers,
  p8x8,
  adobeUmapi,
  adoxxCc,
  adp,
  agentcard,
  athenahealth,
  availity,
  bliro,
  bigchange,
  brightcrowd,
  chartboost,
  checkoutCom,
  cloudentity,
  commercetools,
  crowdstrike,
  conductorone,
  connectwiseRmm,
  coupaCompass,
  databricksAccount,
  databricksWorkspace,
  domo,
  dopeSecurity,
  dynatraceOauth,
  emarsysOauth,
  firefish,
  fiserv,
  gainsightCc,
  gebruderWeiss,
  grammarly,
  greenhouseHarvestOauth2Cc,
  haloPsa,
  ingeniousBuild,
  jamf,
  knoCommerce,
  listrak,
  marketo,
  malwarebytes,
  medallia,
  mimecast,
  nexthink,
  onelogin,
  optumReal,
  oracleCloudIdentity,
  paychex,
  paylocityNextgen,
  paylocity,
  pax8,
  pendoOauth,
  personioV2,
  pingboard,
  pipedreamOauth2Cc,
  revivn,
  roller,
  rydoo,
  sapAriba,
  sapConcur,
  sapOdataOauth2Cc,
  sedna,
  shopware,
  sophosCentral,
  swoogo,
  tapclicks,
  thomsonReutersLegalTracker,
  thomsonReutersLegalTrackerTrAccount,
  trafft,
  transporeonCarrierOauth2Cc,
  transporeonOauth2Cc,
  ukgProCc,
  ukgReady,
  vanta,
  yokoy,
  zuora,
  microsoftOauth2Cc,
  microsoftBusinessCentral,
  immybot,
  nerdio,
  checkoutComSandbox,
];

/** Other names for catalog entries (see ./aliases.ts): never copies of their data. */
export const CATALOG_ALIASES: readonly ProviderAliasInput[] = ALIASES;
