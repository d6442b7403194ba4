// What both host apps share: Consentry under /oauth with the demo provider asked for, the host's
// own sign-in (its session cookie and session store) passed through the `hostSession` hook, and a
// feature of the host (calendar sync) that starts a flow and gets its token back through
// Consentry's callback.
import { randomBytes } from 'node:crypto';
import { createConsentry, loadConfig } from 'consentry';

export const port = Number(process.env.PORT);
const sessions = new Map(); // host session id → user

/** The host's session id, when it is one of its live sessions. */
export function hostSessionId(cookieHeader) {
  const sid = /(?:^|;\s*)host_sid=([A-Za-z0-9_-]{32})(?:;|$)/.exec(cookieHeader ?? '')?.[1];
  return sid && sessions.has(sid) ? sid : undefined;
}
const hostUser = (cookieHeader) => sessions.get(hostSessionId(cookieHeader));

export const consentry = await createConsentry(
  loadConfig({
    DATA_DIR: process.env.DATA_DIR,
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}/oauth`,
    BACKGROUND_REFRESH: 'false',
  }),
  { demoProvider: true, hostSession: (request) => hostSessionId(request.headers.cookie) },
);

consentry.consumers.register({
  purpose: 'calendar_sync',
  onTokenGranted(token, payload, { connection }) {
    return `/calendar?user=${payload.user}&connection=${connection.id}&scopes=${encodeURIComponent(token.scopes.join(' '))}`;
  },
});

/** The host's pages, framework-neutral: [status, headers, body] for a path and cookie header. */
export async function hostPage(path, cookieHeader) {
  const url = new URL(path, `http://127.0.0.1:${port}`);
  if (url.pathname === '/sign-in') {
    const sid = randomBytes(24).toString('base64url');
    sessions.set(sid, url.searchParams.get('user') ?? 'ada');
    return [303, { location: '/', 'set-cookie': `host_sid=${sid}; Path=/; HttpOnly; SameSite=Lax` }, ''];
  }
  const user = hostUser(cookieHeader);
  if (url.pathname === '/connect-calendar') {
    if (!user) return [401, { 'content-type': 'text/plain' }, 'sign in first'];
    const consent = await consentry.client.beginConsent({
      provider: 'demo',
      preset: 'calendar',
      purpose: 'calendar_sync',
      payload: { user },
      returnUrl: '/calendar',
      session: hostSessionId(cookieHeader), // what the hostSession hook returns for this browser
    });
    return [303, { location: consent }, ''];
  }
  if (url.pathname === '/calendar') {
    const id = url.searchParams.get('connection');
    const token = id ? await consentry.client.ensureFresh(id) : undefined;
    const html = `<h1>Calendar</h1><p id="state">${url.searchParams.get('oauth') ?? 'connected'} for ${user}</p><p id="token">${token ? `token ${token.accessToken.length} chars` : 'no token'}</p>`;
    return [200, { 'content-type': 'text/html' }, html];
  }
  return [200, { 'content-type': 'text/html' }, `<h1>Host home</h1><p>${user ?? 'nobody'}</p>`];
}
