// A TypeScript consumer (strict, moduleResolution nodenext): the package's declarations must be
// enough to type-check it — the OAuth2Consumer contract, createConsentry's options and result,
// the Fastify plugin and the web handler.

import {
  type Consentry,
  ConsentryError,
  createConsentry,
  loadConfig,
  type OAuth2Client,
  type OAuth2Consumer,
  type OAuth2Token,
} from 'consentry';
import Fastify from 'fastify';

class CalendarSync implements OAuth2Consumer {
  readonly purpose = 'calendar_sync';
  readonly connections = new Map<number, string>();
  constructor(private readonly client: OAuth2Client) {}

  onTokenGranted(
    token: OAuth2Token,
    payload: Record<string, unknown>,
    { connection }: { connection?: { id: string } | undefined },
  ): string {
    if (connection) this.connections.set(Number(payload.accountId), connection.id);
    return `/calendar?scopes=${encodeURIComponent(token.scopes.join(' '))}`;
  }

  async bearerFor(accountId: number): Promise<string> {
    const id = this.connections.get(accountId);
    if (!id) throw new ConsentryError('CONNECTION_UNKNOWN');
    const token = await this.client.ensureFresh(id);
    return `Bearer ${token.accessToken}`;
  }
}

const consentry: Consentry = await createConsentry(
  loadConfig({
    DATA_DIR: process.env.DATA_DIR,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'http://127.0.0.1:9/oauth',
  }),
  { console: false, hostSession: (request) => request.headers['x-host-user']?.toString() },
);
const calendar = new CalendarSync(consentry.client);
consentry.consumers.register(calendar);

const host = Fastify();
await host.register(consentry.plugin, { prefix: '/oauth' });
await host.ready();
const health = await host.inject({ method: 'GET', url: '/oauth/healthz' });
const consolePage = await host.inject({ method: 'GET', url: '/oauth/' });
const response: Response = await consentry.handler(new Request('http://127.0.0.1:9/oauth/healthz'));
const missing = await calendar
  .bearerFor(1)
  .catch((e: unknown) => (e instanceof ConsentryError ? e.code : 'other'));
console.log(
  JSON.stringify({
    plugin: health.statusCode,
    console: consolePage.statusCode,
    handler: response.status,
    missing,
  }),
);
await host.close();
await consentry.close();
