import { defineAliases } from '../provider.ts';

/**
 * Other names for catalog entries: products that sign in through the same authorization server
 * as an entry (Gmail and Google Calendar are Google; Outlook and OneDrive are Microsoft; Zoho CRM
 * is Zoho). Each lists under its own name and categories, resolves to its entry (same endpoints,
 * client registration and quirks), may suggest one of the entry's presets and names the scopes
 * its product needs. Sandboxes that the entry reaches through a template value (DocuSign's
 * account-d host, PayPal's sandbox domain, Okta preview orgs, Salesforce's test.salesforce.com or
 * sandbox My Domain login host) are aliases too: pick the value when registering the client.
 */
export const ALIASES = defineAliases([
  {
    key: 'azure-blob-storage',
    of: 'microsoft',
    displayName: 'Azure Blob Storage',
    categories: ['storage'],
    scopes: [
      {
        name: 'https://storage.azure.com/user_impersonation',
        description: 'Azure Storage as the signed-in user.',
      },
    ],
  },
  {
    key: 'confluence',
    of: 'atlassian',
    displayName: 'Confluence',
    categories: ['knowledge-base', 'popular'],
    scopes: [
      {
        name: 'read:confluence-content.all',
        description: 'Read Confluence content.',
      },
      {
        name: 'write:confluence-content',
        description: 'Create and edit Confluence content.',
      },
    ],
  },
  {
    key: 'confluence-data-center',
    of: 'jira-data-center',
    displayName: 'Confluence Data Center',
    categories: ['productivity', 'ticketing'],
  },
  {
    key: 'docusign-sandbox',
    of: 'docusign',
    displayName: 'DocuSign (Sandbox)',
    categories: ['legal'],
  },
  {
    key: 'figjam',
    of: 'figma',
    displayName: 'FigJam',
    categories: ['design', 'productivity'],
  },
  {
    key: 'google-ads',
    of: 'google',
    displayName: 'Google Ads',
    categories: ['marketing'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/adwords',
        description: 'Manage Google Ads campaigns.',
      },
    ],
  },
  {
    key: 'google-analytics',
    of: 'google',
    displayName: 'Google Analytics',
    categories: ['analytics'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/analytics.readonly',
        description: 'Read Google Analytics data.',
      },
    ],
  },
  {
    key: 'google-bigquery',
    of: 'google',
    displayName: 'Google BigQuery',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/bigquery',
        description: 'View and manage BigQuery data.',
      },
    ],
  },
  {
    key: 'google-calendar',
    of: 'google',
    displayName: 'Google Calendar',
    categories: ['popular', 'productivity'],
    preset: 'calendar',
  },
  {
    key: 'google-chat',
    of: 'google',
    displayName: 'Google Chat',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/chat.messages',
        description: 'See, send and delete Google Chat messages.',
      },
    ],
  },
  {
    key: 'google-cloud-storage',
    of: 'google',
    displayName: 'Google Cloud Storage',
    categories: ['storage'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/devstorage.read_write',
        description: 'Read and write Cloud Storage data.',
      },
    ],
  },
  {
    key: 'google-contacts',
    of: 'google',
    displayName: 'Google Contacts',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/contacts',
        description: 'See, edit and delete the user’s contacts.',
      },
      {
        name: 'https://www.googleapis.com/auth/contacts.readonly',
        description: 'See the user’s contacts.',
      },
    ],
  },
  {
    key: 'google-docs',
    of: 'google',
    displayName: 'Google Docs',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/documents',
        description: 'See, edit and create Google Docs documents.',
      },
    ],
  },
  {
    key: 'google-drive',
    of: 'google',
    displayName: 'Google Drive',
    categories: ['knowledge-base', 'popular', 'storage'],
    preset: 'files',
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/drive',
        description: 'See, edit, create and delete all Google Drive files.',
      },
      {
        name: 'https://www.googleapis.com/auth/drive.readonly',
        description: 'See and download all Google Drive files.',
      },
    ],
  },
  {
    key: 'google-forms',
    of: 'google',
    displayName: 'Google Forms',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/forms.body',
        description: 'See, edit and create Google Forms.',
      },
      {
        name: 'https://www.googleapis.com/auth/forms.responses.readonly',
        description: 'See Google Forms responses.',
      },
    ],
  },
  {
    key: 'google-health',
    of: 'google',
    displayName: 'Google Health',
    categories: ['sports'],
  },
  {
    key: 'google-mail',
    of: 'google',
    displayName: 'Gmail',
    categories: ['popular', 'productivity'],
    preset: 'mail',
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/gmail.readonly',
        description: 'Read Gmail messages and settings.',
      },
      {
        name: 'https://www.googleapis.com/auth/gmail.send',
        description: 'Send mail as the user.',
      },
    ],
  },
  {
    key: 'google-meet',
    of: 'google',
    displayName: 'Google Meet',
    categories: ['communication', 'productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/meetings.space.created',
        description: 'Create and manage the Meet spaces the app created.',
      },
    ],
  },
  {
    key: 'google-play',
    of: 'google',
    displayName: 'Google Play',
    categories: ['dev-tools'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/androidpublisher',
        description: 'Manage the Google Play Console apps.',
      },
    ],
  },
  {
    key: 'google-search-console',
    of: 'google',
    displayName: 'Google Search Console',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/webmasters.readonly',
        description: 'Read Search Console data.',
      },
    ],
  },
  {
    key: 'google-sheet',
    of: 'google',
    displayName: 'Google Sheet',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/spreadsheets',
        description: 'See, edit and create Google Sheets spreadsheets.',
      },
    ],
  },
  {
    key: 'google-slides',
    of: 'google',
    displayName: 'Google Slides',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/presentations',
        description: 'See, edit and create Google Slides presentations.',
      },
    ],
  },
  {
    key: 'google-tasks',
    of: 'google',
    displayName: 'Google Tasks',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/tasks',
        description: 'Create, edit and delete the user’s tasks.',
      },
    ],
  },
  {
    key: 'google-workspace-admin',
    of: 'google',
    displayName: 'Google Workspace Admin',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
        description: 'Read the Workspace directory’s users.',
      },
    ],
  },
  {
    key: 'greenhouse-ingestion',
    of: 'greenhouse',
    displayName: 'Greenhouse (Ingestion API)',
    categories: ['ats'],
  },
  {
    key: 'intuit',
    of: 'quickbooks',
    displayName: 'Intuit',
    categories: ['accounting'],
  },
  {
    key: 'jira',
    of: 'atlassian',
    displayName: 'Jira (OAuth)',
    categories: ['popular', 'productivity', 'ticketing'],
    scopes: [
      {
        name: 'read:jira-work',
        description: 'Read Jira project and issue data.',
      },
      {
        name: 'write:jira-work',
        description: 'Create and edit Jira issues, comments and worklogs.',
      },
      {
        name: 'read:jira-user',
        description: 'Read Jira users.',
      },
    ],
  },
  {
    key: 'meta-marketing-api',
    of: 'facebook',
    displayName: 'Meta Marketing API',
    categories: ['marketing'],
    scopes: [
      {
        name: 'ads_read',
        description: 'Read the ad accounts’ data.',
      },
      {
        name: 'ads_management',
        description: 'Manage ads.',
      },
    ],
  },
  {
    key: 'microsoft-ads',
    of: 'microsoft',
    displayName: 'Microsoft Ads',
    categories: ['marketing'],
    scopes: [
      {
        name: 'https://ads.microsoft.com/msads.manage',
        description: 'Manage Microsoft Advertising accounts.',
      },
    ],
  },
  {
    key: 'microsoft-entra-id',
    of: 'microsoft',
    displayName: 'Microsoft Entra ID',
    categories: ['iam'],
    scopes: [
      {
        name: 'User.Read.All',
        description: 'Read all users’ full profiles.',
      },
      {
        name: 'Directory.Read.All',
        description: 'Read directory data.',
      },
    ],
  },
  {
    key: 'microsoft-excel',
    of: 'microsoft',
    displayName: 'Microsoft Excel',
    categories: ['productivity', 'analytics'],
    preset: 'files',
  },
  {
    key: 'microsoft-people',
    of: 'microsoft',
    displayName: 'Microsoft People',
    categories: ['productivity'],
    scopes: [
      {
        name: 'Contacts.Read',
        description: 'Read the user’s contacts.',
      },
      {
        name: 'People.Read',
        description: 'Read the people relevant to the user.',
      },
    ],
  },
  {
    key: 'microsoft-planner',
    of: 'microsoft',
    displayName: 'Microsoft Planner',
    categories: ['productivity', 'analytics'],
    scopes: [
      {
        name: 'Tasks.ReadWrite',
        description: 'Create, read, update and delete the user’s tasks and plans.',
      },
    ],
  },
  {
    key: 'microsoft-power-bi',
    of: 'microsoft',
    displayName: 'Microsoft Power BI',
    categories: ['productivity'],
    scopes: [
      {
        name: 'https://analysis.windows.net/powerbi/api/.default',
        description: 'Power BI, with the permissions granted to the app.',
      },
    ],
  },
  {
    key: 'microsoft-powerpoint',
    of: 'microsoft',
    displayName: 'Microsoft PowerPoint',
    categories: ['productivity'],
    preset: 'files',
  },
  {
    key: 'microsoft-teams',
    of: 'microsoft',
    displayName: 'Microsoft Teams',
    categories: ['productivity', 'video', 'popular'],
    scopes: [
      {
        name: 'Chat.ReadWrite',
        description: 'Read and send the user’s chat messages.',
      },
      {
        name: 'ChannelMessage.Send',
        description: 'Send channel messages.',
      },
    ],
  },
  {
    key: 'microsoft-teams-bot',
    of: 'microsoft',
    displayName: 'Microsoft Teams Bot',
    categories: ['communication'],
  },
  {
    key: 'microsoft-tenant-specific',
    of: 'microsoft',
    displayName: 'Microsoft (Tenant)',
    categories: ['erp'],
  },
  {
    key: 'microsoft-word',
    of: 'microsoft',
    displayName: 'Microsoft Word',
    categories: ['productivity'],
    preset: 'files',
  },
  {
    key: 'okta-preview',
    of: 'okta',
    displayName: 'Okta (Preview)',
    categories: ['dev-tools', 'iam'],
  },
  {
    key: 'one-drive',
    of: 'microsoft',
    displayName: 'OneDrive for Business',
    categories: ['knowledge-base', 'storage'],
    preset: 'files',
  },
  {
    key: 'one-drive-personal',
    of: 'microsoft',
    displayName: 'OneDrive Personal',
    categories: ['knowledge-base', 'storage'],
    preset: 'files',
  },
  {
    key: 'one-note',
    of: 'microsoft',
    displayName: 'One Note',
    categories: ['productivity'],
    scopes: [
      {
        name: 'Notes.ReadWrite',
        description: 'Read and write the user’s OneNote notebooks.',
      },
    ],
  },
  {
    key: 'outlook',
    of: 'microsoft',
    displayName: 'Outlook',
    categories: ['communication', 'popular'],
    preset: 'mail',
    scopes: [
      {
        name: 'Mail.Read',
        description: 'Read the user’s mail (Microsoft Graph).',
      },
      {
        name: 'Mail.Send',
        description: 'Send mail as the user (Microsoft Graph).',
      },
    ],
  },
  {
    key: 'paypal-sandbox',
    of: 'paypal',
    displayName: 'Paypal (Sandbox)',
    categories: ['payment'],
  },
  {
    key: 'quickbooks-sandbox',
    of: 'quickbooks',
    displayName: 'Quickbooks (Sandbox)',
    categories: ['accounting'],
  },
  {
    key: 'salesforce-sandbox',
    of: 'salesforce',
    displayName: 'Salesforce (Sandbox)',
    categories: ['crm'],
  },
  {
    key: 'sharepoint-online',
    of: 'microsoft',
    displayName: 'SharePoint Online (v2)',
    categories: ['storage', 'communication', 'popular'],
    scopes: [
      {
        name: 'Sites.Read.All',
        description: 'Read items in all site collections.',
      },
      {
        name: 'Sites.ReadWrite.All',
        description: 'Edit items in all site collections.',
      },
    ],
  },
  {
    key: 'stitch-mcp',
    of: 'google',
    displayName: 'Stitch (MCP)',
    categories: ['design', 'mcp'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/cloud-platform',
        description: 'Google Cloud resources the user can reach.',
      },
    ],
  },
  {
    key: 'strava-web',
    of: 'strava',
    displayName: 'Strava (Web)',
    categories: ['social', 'sports'],
  },
  {
    key: 'twitter-v2',
    of: 'x',
    displayName: 'Twitter (v2)',
    categories: ['marketing', 'social'],
  },
  {
    key: 'youtube',
    of: 'google',
    displayName: 'YouTube',
    categories: ['video'],
    scopes: [
      {
        name: 'https://www.googleapis.com/auth/youtube.readonly',
        description: 'See the user’s YouTube account.',
      },
      {
        name: 'https://www.googleapis.com/auth/youtube',
        description: 'Manage the user’s YouTube account.',
      },
    ],
  },
  {
    key: 'zoho-bigin',
    of: 'zoho',
    displayName: 'Zoho Bigin',
    categories: ['crm'],
    scopes: [
      {
        name: 'ZohoBigin.modules.ALL',
        description: 'Read and write all Bigin modules.',
      },
    ],
  },
  {
    key: 'zoho-books',
    of: 'zoho',
    displayName: 'Zoho Books',
    categories: ['accounting'],
    scopes: [
      {
        name: 'ZohoBooks.fullaccess.all',
        description: 'Full access to Zoho Books.',
      },
    ],
  },
  {
    key: 'zoho-calendar',
    of: 'zoho',
    displayName: 'Zoho Calendar',
    categories: ['productivity'],
    preset: 'calendar',
  },
  {
    key: 'zoho-crm',
    of: 'zoho',
    displayName: 'Zoho CRM',
    categories: ['crm'],
    scopes: [
      {
        name: 'ZohoCRM.modules.ALL',
        description: 'Read and write all CRM modules.',
      },
      {
        name: 'ZohoCRM.users.READ',
        description: 'Read CRM users.',
      },
    ],
  },
  {
    key: 'zoho-desk',
    of: 'zoho',
    displayName: 'Zoho Desk',
    categories: ['support', 'ticketing'],
    scopes: [
      {
        name: 'Desk.tickets.READ',
        description: 'Read Zoho Desk tickets.',
      },
      {
        name: 'Desk.tickets.UPDATE',
        description: 'Update Zoho Desk tickets.',
      },
    ],
  },
  {
    key: 'zoho-inventory',
    of: 'zoho',
    displayName: 'Zoho Inventory',
    categories: ['e-commerce'],
    scopes: [
      {
        name: 'ZohoInventory.FullAccess.all',
        description: 'Full access to Zoho Inventory.',
      },
    ],
  },
  {
    key: 'zoho-invoice',
    of: 'zoho',
    displayName: 'Zoho Invoice',
    categories: ['invoicing'],
    scopes: [
      {
        name: 'ZohoInvoice.fullaccess.all',
        description: 'Full access to Zoho Invoice.',
      },
    ],
  },
  {
    key: 'zoho-mail',
    of: 'zoho',
    displayName: 'Zoho Mail',
    categories: ['productivity', 'communication'],
    scopes: [
      {
        name: 'ZohoMail.messages.ALL',
        description: 'Read, send and manage Zoho Mail messages.',
      },
      {
        name: 'ZohoMail.accounts.READ',
        description: 'Read Zoho Mail account details.',
      },
    ],
  },
  {
    key: 'zoho-people',
    of: 'zoho',
    displayName: 'Zoho People',
    categories: ['hr'],
    scopes: [
      {
        name: 'ZOHOPEOPLE.forms.ALL',
        description: 'Read and write Zoho People forms.',
      },
    ],
  },
  {
    key: 'zoho-recruit',
    of: 'zoho',
    displayName: 'Zoho Recruit',
    categories: ['ats'],
    scopes: [
      {
        name: 'ZohoRecruit.modules.ALL',
        description: 'Read and write all Zoho Recruit modules.',
      },
    ],
  },
  // Client-credentials products that request their token exactly as their entry does.
  { key: 'adp-lyric', of: 'adp', displayName: 'ADP Lyric', categories: ['hr'] },
  { key: 'adp-run', of: 'adp', displayName: 'RUN Powered by ADP', categories: ['hr'] },
  { key: 'adp-workforce-now', of: 'adp', displayName: 'ADP Workforce Now', categories: ['hr'] },
  {
    key: 'adp-workforce-now-next-gen',
    of: 'adp',
    displayName: 'ADP Workforce Now Next Generation',
    categories: ['hr'],
  },
  {
    key: 'microsoft-intune',
    of: 'microsoft-oauth2-cc',
    displayName: 'Microsoft Intune (App-Only)',
    categories: ['dev-tools'],
    scopes: [
      {
        name: 'https://graph.microsoft.com/.default',
        description:
          'Intune through Microsoft Graph, with the application permissions an administrator granted.',
      },
    ],
  },
  {
    key: 'microsoft-excel-oauth2-cc',
    of: 'microsoft-oauth2-cc',
    displayName: 'Microsoft Excel (App-Only)',
    categories: ['productivity', 'analytics'],
  },
  {
    key: 'microsoft-power-bi-oauth2-cc',
    of: 'microsoft-oauth2-cc',
    displayName: 'Microsoft Power BI (App-Only)',
    categories: ['productivity', 'analytics'],
    scopes: [
      {
        name: 'https://analysis.windows.net/powerbi/api/.default',
        description: 'The Power BI REST API as a service principal.',
      },
    ],
  },
  {
    key: 'microsoft-powerpoint-oauth2-cc',
    of: 'microsoft-oauth2-cc',
    displayName: 'Microsoft PowerPoint (App-Only)',
    categories: ['productivity'],
  },
  {
    key: 'microsoft-word-oauth2-cc',
    of: 'microsoft-oauth2-cc',
    displayName: 'Microsoft Word (App-Only)',
    categories: ['productivity'],
  },
  {
    key: 'sharepoint-online-oauth2-cc',
    of: 'microsoft-oauth2-cc',
    displayName: 'SharePoint Online (App-Only)',
    categories: ['storage', 'communication'],
  },
]);
