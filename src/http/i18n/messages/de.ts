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
  'consent.title': 'Zugriff erlauben?',
  'consent.lead': '{{app}} (von {{organization}}) möchte Ihr Konto verwenden.',
  'consent.account': 'Angemeldet als {{email}}.',
  'consent.scopesHeading': 'Die Anwendung kann dann:',
  'consent.redirectNote': 'Nach Ihrer Entscheidung werden Sie zu {{target}} zurückgeleitet.',
  'consent.remember':
    'Ihre Antwort wird gespeichert; Sie können sie jederzeit unter „Autorisierte Apps“ widerrufen.',
  'consent.allow': 'Erlauben',
  'consent.deny': 'Ablehnen',
  'authorizeError.title': 'Diese Anmeldeanfrage kann nicht abgeschlossen werden',
  'authorizeError.lead':
    'Die Anwendung hat eine Anfrage gesendet, die dieser Server nicht annehmen kann. Es wurde nichts mit ihr geteilt. Teilen Sie dem Hersteller der Anwendung mit, was unten angezeigt wird.',
  'authorizeError.code': 'Fehlercode: {{code}}',
  'device.title': 'Gerät verbinden',
  'device.lead': 'Geben Sie den Code ein, der auf Ihrem Gerät angezeigt wird.',
  'device.codeLabel': 'Code',
  'device.continue': 'Weiter',
  'device.unknown':
    'Dieser Code ist unbekannt, abgelaufen oder wurde bereits verwendet. Prüfen Sie den Code auf Ihrem Gerät.',
  'device.throttled': 'Zu viele falsche Codes. Warten Sie einige Minuten und versuchen Sie es erneut.',
  'device.approved': 'Erledigt. Sie können zu Ihrem Gerät zurückkehren.',
  'device.denied': 'Zugriff abgelehnt. Das Gerät wurde benachrichtigt.',
  'device.confirm': 'Prüfen Sie, ob Ihr Gerät den Code {{code}} anzeigt.',
  'authorized.title': 'Autorisierte Apps',
  'authorized.lead':
    'Anwendungen, denen Sie erlaubt haben, in Ihrem Namen zu handeln. Ein Widerruf beendet den Zugriff sofort.',
  'authorized.none': 'Sie haben keine Anwendung autorisiert.',
  'authorized.column.application': 'Anwendung',
  'authorized.column.organization': 'Organisation',
  'authorized.column.access': 'Zugriff',
  'authorized.column.since': 'Seit',
  'authorized.revoke': 'Widerrufen',
  'authorized.revokeConfirm': '{{app}} widerrufen? Die Anwendung muss Sie dann erneut fragen.',
  'authorized.revoked': '„{{app}}“ wurde widerrufen.',
  'scope.participants:read': 'Die Teilnehmer der Veranstaltungen sehen, die Sie betreuen',
  'scope.events:read': 'Die Veranstaltungen sehen, die Sie betreuen',
  'scope.events:write': 'Die Veranstaltungen ändern, die Sie betreuen',
  'consent.unknownScope': '„{{scope}}“ verwenden',
  'outreach.mailSubject': 'Verbinden Sie Ihr {{provider}}-Konto erneut',
  'outreach.mailBody':
    'Guten Tag,\n\ndie Verbindung zu Ihrem {{provider}}-Konto {{account}} funktioniert nicht mehr und benötigt erneut Ihre Zustimmung.\nÖffnen Sie diesen Link, um sie wiederherzustellen (er gilt einmal, bis {{expires}}):\n\n{{link}}\n\nFalls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.',
  'outreach.pageTitle': 'Konto erneut verbinden',
  'outreach.pageHeading': 'Verbinden Sie Ihr {{provider}}-Konto erneut',
  'outreach.pageLead':
    'Die Verbindung zu {{account}} funktioniert nicht mehr. Melden Sie sich erneut bei {{provider}} an, um sie wiederherzustellen.',
  'outreach.pageButton': 'Weiter zu {{provider}}',
  'outreach.pageExpires': 'Dieser Link gilt einmal, bis {{expires}}.',
  'outreach.invalidTitle': 'Dieser Link kann nicht verwendet werden',
  'outreach.invalidBody':
    'Dieser Link zum erneuten Verbinden ist unbekannt, abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.',
  'outreach.doneTitle': 'Erneut verbinden',
  'outreach.doneCancelled': 'Das erneute Verbinden wurde abgebrochen. Es hat sich nichts geändert.',
  'outreach.doneMismatch':
    'Sie haben sich mit einem anderen Konto angemeldet als dem, zu dem diese Verbindung gehört. Es hat sich nichts geändert; melden Sie sich mit einem neuen Link bei diesem Konto an.',
  'outreach.doneOk': 'Vielen Dank — Ihr Konto ist wieder verbunden.',
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
