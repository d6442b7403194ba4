/**
 * Every string of the end-user pages of the provider role (consent, device code entry, errors of
 * the authorization endpoint, "Authorized apps"), in one place so they can be translated as one
 * catalogue. Functions take values; the pages escape everything they interpolate.
 */
export const END_USER_TEXT = {
  consentTitle: 'Allow access?',
  consentLead: (app: string, organization: string) =>
    `${app} (by ${organization}) wants to use your account.`,
  consentAccount: (email: string) => `Signed in as ${email}.`,
  consentScopesHeading: 'It will be able to:',
  consentRedirectNote: (target: string) => `After your decision you will be sent back to ${target}.`,
  consentRemember: 'Your answer is remembered; you can withdraw it any time under “Authorized apps”.',
  allow: 'Allow',
  deny: 'Deny',
  notYou: 'Not you? Sign out',

  errorTitle: 'This sign-in request cannot be completed',
  errorLead:
    'The application sent a request this server cannot accept. Nothing was shared with it. Tell the application’s maker what is shown below.',
  errorCode: (code: string) => `Error code: ${code}`,

  deviceTitle: 'Connect a device',
  deviceLead: 'Type the code shown on your device.',
  deviceCodeLabel: 'Code',
  deviceContinue: 'Continue',
  deviceUnknown: 'This code is unknown, expired or already used. Check the code on your device.',
  deviceThrottled: 'Too many wrong codes. Wait a few minutes and try again.',
  deviceApproved: 'Done. You can return to your device.',
  deviceDenied: 'Access denied. The device was told.',
  deviceConfirm: (code: string) => `Check that your device shows the code ${code}.`,

  authorizedTitle: 'Authorized apps',
  authorizedLead: 'Applications you allowed to act for you. Revoking one ends its access at once.',
  authorizedNone: 'You have not authorized any application.',
  authorizedColumns: ['Application', 'Organization', 'Access', 'Since', ''] as const,
  revoke: 'Revoke',
  revokeConfirm: (app: string) => `Revoke ${app}? It will have to ask you again.`,
  revoked: (app: string) => `Revoked “${app}”.`,
} as const;

/**
 * Each scope in words (what the consent screen shows); an unknown scope is shown by its name.
 * Add a line here when a feature adds a scope.
 */
export const SCOPE_WORDS: Record<string, string> = {
  'participants:read': 'See the participants of the events you work on',
  'events:read': 'See the events you work on',
  'events:write': 'Change the events you work on',
};

export const scopeInWords = (scope: string): string => SCOPE_WORDS[scope] ?? `Use “${scope}”`;
