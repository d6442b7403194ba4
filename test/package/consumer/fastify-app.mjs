// A Fastify 5 app registering Consentry as a plugin under /oauth.
import Fastify from 'fastify';
import { consentry, hostPage, port } from './host-common.mjs';

const app = Fastify();
await app.register(consentry.plugin, { prefix: '/oauth' });
app.get('/*', async (request, reply) => {
  const [status, headers, body] = await hostPage(request.url, request.headers.cookie);
  return reply.status(status).headers(headers).send(body);
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`listening ${port}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await consentry.close();
  process.exit(0);
});
