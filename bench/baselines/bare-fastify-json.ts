import Fastify from 'fastify';

/**
 * Child process for `api-access-token`: the floor — a bare Fastify 5 POST route (no plugins, no
 * logger) returning a fixed JSON body shaped like the access-token answer. Prints `{port, path}`.
 */
const app = Fastify({ logger: false });
const body = {
  connection_id: '00000000-0000-4000-8000-000000000000',
  access_token: `gho_${'x'.repeat(36)}`,
  token_type: 'bearer',
  expires_at: '2030-01-01T00:00:00.000Z',
  expires_in: 86_000,
  scopes: ['repo'],
};
app.post('/api/v1/connections/:id/access-token', async () => body);
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ port, path: '/api/v1/connections/x/access-token' })}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
