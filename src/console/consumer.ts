import type { OAuth2Consumer } from '../core/consumers.ts';
import { assertSameSitePath, withQuery } from '../domain/safe-path.ts';

/**
 * The console's own consumer: connections started from the console ("Add (Auth Code)",
 * "Reconnect", `consentry connect`). The payload names who started it and where to return.
 */
export const CONSOLE_PURPOSE = 'console';

/** The public page a `consentry connect` link's flow ends on ("connected — you can close this tab"). */
export const CONNECT_DONE_PATH = '/connect/done';

export interface ConsolePayload {
  /** The console user who started the flow (absent for CLI hand-offs). */
  userId?: string;
  /** The `consentry connect` hand-off this flow completes. */
  handoff?: string;
  /** Same-site page to return to. */
  returnTo?: string;
}

export const consoleConsumer: OAuth2Consumer = {
  purpose: CONSOLE_PURPOSE,
  onTokenGranted(_token, payload) {
    const p = payload as ConsolePayload;
    let path = '/';
    try {
      if (p.returnTo) path = assertSameSitePath(p.returnTo);
    } catch {
      path = '/';
    }
    return withQuery(path, { oauth: 'connected' });
  },
};
