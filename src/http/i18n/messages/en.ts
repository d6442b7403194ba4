/**
 * English: the reference locale. Every other locale must define every key (a type error and a test
 * otherwise). `{{name}}` marks an interpolated value; values are escaped by the page, not here.
 */
export const en = {
  'page.brand': 'Consentry',
  'page.closeTab': 'You can close this tab.',
  'error.title': 'Something went wrong',
  'error.code': 'Code: {{code}}',
  'error.startAgain': 'Go back to the application and start again.',
  'connectDone.title.connected': 'Connected',
  'connectDone.body.connected':
    'The account is connected. Return to the terminal or application that asked for it.',
  'connectDone.title.cancelled': 'Not connected',
  'connectDone.body.cancelled':
    'The connection was not made: the consent was declined or cancelled at the provider.',
  'connectDone.body.providerError': 'The provider answered: {{error}}.',
  'errors.CALLBACK_PARAMETER_MISSING': 'The provider sent the browser back without a state.',
  'errors.CALLBACK_PARAMETER_DUPLICATED': 'The provider’s answer repeats a parameter.',
  'errors.CALLBACK_PARAMETER_TOO_LARGE': 'A parameter of the provider’s answer is too large.',
  'errors.FLOW_UNKNOWN': 'This sign-in link is unknown or was already used. Start the connection again.',
  'errors.FLOW_EXPIRED': 'This sign-in took too long and expired. Start the connection again.',
  'errors.FLOW_SESSION_MISMATCH':
    'This sign-in was started in another browser. Start the connection again here.',
  'errors.AUTHORIZATION_RESPONSE_INVALID': 'The provider’s answer is invalid.',
  'errors.ISSUER_MISMATCH': 'The answer came from an unexpected provider, so it was refused.',
  'errors.TOKEN_REQUEST_REJECTED': 'The provider refused to complete the connection.',
  'errors.TOKEN_RESPONSE_INVALID': 'The provider’s answer could not be understood.',
  'errors.ID_TOKEN_INVALID': 'The provider’s proof of identity is invalid.',
  'errors.PROVIDER_UNAVAILABLE': 'The provider could not be reached. Try again in a few minutes.',
  'errors.HANDOFF_INVALID': 'This connect link is unknown, expired or already used. Ask for a new link.',
  'errors.BAD_REQUEST': 'The request is invalid.',
  'errors.INTERNAL': 'Something went wrong on our side.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
