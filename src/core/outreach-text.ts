/**
 * Every end-user string of reconnect outreach — the email and the landing pages — in one place, so
 * a translation replaces this one object. `{provider}`, `{account}`, `{link}` and `{expires}` are
 * filled in; pages escape everything they show.
 */
export const OUTREACH_TEXT = {
  mailSubject: 'Reconnect your {provider} account',
  mailBody: [
    'Hello,',
    '',
    'The connection to your {provider} account {account} stopped working and needs your permission again.',
    'Open this link to reconnect it (it works once, until {expires}):',
    '',
    '{link}',
    '',
    'If you did not expect this message, you can ignore it.',
  ].join('\n'),
  pageTitle: 'Reconnect your account',
  pageHeading: 'Reconnect your {provider} account',
  pageLead: 'The connection to {account} stopped working. Sign in at {provider} again to reconnect it.',
  pageButton: 'Continue to {provider}',
  pageExpires: 'This link works once, until {expires}.',
  invalidTitle: 'This link cannot be used',
  invalidBody: 'This reconnect link is unknown, expired or already used. Ask for a new one.',
  doneTitle: 'Reconnect',
  doneCancelled: 'The reconnect was cancelled. Nothing changed.',
  doneMismatch:
    'You signed in with another account than the one this connection belongs to. Nothing changed; sign in with that account using a new link.',
  doneOk: 'Thank you — your account is connected again.',
} as const;

export type OutreachTextKey = keyof typeof OUTREACH_TEXT;

/** The string with its `{name}` placeholders filled (unknown names stay as written). */
export function outreachText(key: OutreachTextKey, values: Record<string, string> = {}): string {
  return OUTREACH_TEXT[key].replace(/\{([a-z]+)\}/g, (m, name: string) => values[name] ?? m);
}
