import type { Messages } from './en.ts';

export const de: Messages = {
  'page.brand': 'Consentry',
  'page.closeTab': 'Sie können diesen Tab schließen.',
  'error.title': 'Etwas ist schiefgelaufen',
  'error.code': 'Code: {{code}}',
  'error.startAgain': 'Kehren Sie zur Anwendung zurück und beginnen Sie erneut.',
  'connectDone.title.connected': 'Verbunden',
  'connectDone.body.connected':
    'Das Konto ist verbunden. Kehren Sie zum Terminal oder zur Anwendung zurück, die danach gefragt hat.',
  'connectDone.title.cancelled': 'Nicht verbunden',
  'connectDone.body.cancelled':
    'Die Verbindung wurde nicht hergestellt: Die Zustimmung wurde beim Anbieter abgelehnt oder abgebrochen.',
  'connectDone.body.providerError': 'Der Anbieter antwortete: {{error}}.',
  'errors.CALLBACK_PARAMETER_MISSING': 'Der Anbieter hat den Browser ohne „state“ zurückgeschickt.',
  'errors.CALLBACK_PARAMETER_DUPLICATED': 'Die Antwort des Anbieters wiederholt einen Parameter.',
  'errors.CALLBACK_PARAMETER_TOO_LARGE': 'Ein Parameter der Antwort des Anbieters ist zu lang.',
  'errors.FLOW_UNKNOWN':
    'Dieser Anmeldelink ist unbekannt oder wurde bereits verwendet. Beginnen Sie die Verbindung erneut.',
  'errors.FLOW_EXPIRED': 'Diese Anmeldung hat zu lange gedauert und ist abgelaufen. Beginnen Sie erneut.',
  'errors.FLOW_SESSION_MISMATCH':
    'Diese Anmeldung wurde in einem anderen Browser begonnen. Beginnen Sie sie hier erneut.',
  'errors.AUTHORIZATION_RESPONSE_INVALID': 'Die Antwort des Anbieters ist ungültig.',
  'errors.ISSUER_MISMATCH': 'Die Antwort kam von einem unerwarteten Anbieter und wurde abgelehnt.',
  'errors.TOKEN_REQUEST_REJECTED': 'Der Anbieter hat die Verbindung nicht abgeschlossen.',
  'errors.TOKEN_RESPONSE_INVALID': 'Die Antwort des Anbieters ist unverständlich.',
  'errors.ID_TOKEN_INVALID': 'Der Identitätsnachweis des Anbieters ist ungültig.',
  'errors.PROVIDER_UNAVAILABLE':
    'Der Anbieter ist nicht erreichbar. Versuchen Sie es in einigen Minuten erneut.',
  'errors.HANDOFF_INVALID':
    'Dieser Link ist unbekannt, abgelaufen oder bereits verwendet. Fordern Sie einen neuen an.',
  'errors.BAD_REQUEST': 'Die Anfrage ist ungültig.',
  'errors.INTERNAL': 'Bei uns ist ein Fehler aufgetreten.',
};
