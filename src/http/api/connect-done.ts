import type { FastifyInstance } from 'fastify';
import { CONNECT_DONE_PATH } from '../../integrations/connect-sessions.ts';
import { html, layout } from '../html.ts';

/**
 * Where an end user lands after a connect session started through the JSON API for a service on
 * another site (`api.*` purposes), or after cancelling one: nothing to do here but close the tab;
 * the service learns the outcome by webhook or by listing connections.
 */
export function connectDonePage(app: FastifyInstance): void {
  app.get(CONNECT_DONE_PATH, { config: { permission: 'public' } }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const connected = q.oauth === 'connected';
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return layout(
      connected ? 'Connected' : 'Not connected',
      connected
        ? html`<div class="card"><h1>Connected</h1><p>Your account is connected. You can close this window.</p></div>`
        : html`<div class="card"><h1>Not connected</h1><p>The connection was cancelled or did not complete. You can close this window and start again from the application that sent you here.</p></div>`,
    );
  });
}
