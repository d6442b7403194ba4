import { createConsentry } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logger.ts';
import type { InstanceSpec } from '../scale/fixture.ts';
import { loopbackFetch } from '../support/egress.ts';

/**
 * One Consentry process for the webhook crash test (`node --import tsx`): it deletes a
 * connection (the `connection.deleted` event is written to the outbox before the call returns),
 * tells the parent, then starts its dispatcher — and SIGKILLs itself at the moment the delivery
 * would leave: after the claim, before any byte reaches the receiver. A kill -9 between the event
 * and its delivery.
 */
const { spec, connectionId, receiverUrl, leaseMs } = JSON.parse(process.env.WEBHOOK_CRASH_SPEC!) as {
  spec: InstanceSpec;
  connectionId: string;
  receiverUrl: string;
  leaseMs: number;
};

// The dispatcher's outbound HTTP (the egress module's fetch in production), wrapped to die at the
// moment a delivery would leave for the receiver.
const dyingFetch = async (url: string, init: RequestInit): Promise<Response> => {
  if (url.startsWith(receiverUrl)) {
    process.send?.({ type: 'dying' });
    process.kill(process.pid, 'SIGKILL');
  }
  return loopbackFetch(url, init);
};

const app = await createConsentry(loadConfig({ ...spec.env, LOG_LEVEL: 'error' }), {
  logger: createLogger({ level: 'error', destination: process.stderr }),
  providers: [spec.provider],
  ...(spec.schema ? { schema: spec.schema } : {}),
  webhooks: { leaseMs, pollMs: 100, fetch: dyingFetch },
});
await app.client.deleteConnection(connectionId);
process.send?.({ type: 'recorded' });
app.integrations.dispatcher.start();
