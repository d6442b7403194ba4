import { performance } from 'node:perf_hooks';
import { CookieJar, consentAtProvider } from '../../test/support/browserless.ts';
import { startConsentry } from '../../test/support/consentry.ts';
import type { Benchmark } from '../harness.ts';
import { median } from '../harness.ts';

/**
 * Full authorization-code round trips per second against the built-in demo provider: beginConsent,
 * the provider's login and consent screens over HTTP, the callback, the code exchange with PKCE,
 * ID-token validation and the sealed write. Sequential: the latency of one whole flow.
 */
export const callbackThroughput: Benchmark = {
  name: 'callback-throughput',
  description: 'full authorization-code round trips per second against the demo provider',
  async run() {
    const c = await startConsentry({ env: { LOG_LEVEL: 'silent' } });
    const [client] = await c.app.store.clients.list({ providerKey: 'demo' });
    const session = 'bench-session-0123456789abcdef0123456789ab';
    const once = async () => {
      const url = await c.app.client.beginConsent({
        client: client!.id,
        purpose: 'console',
        returnUrl: '/',
        session,
      });
      const callback = await consentAtProvider(new CookieJar(), url, {
        stopPrefix: `${c.baseUrl}/oauth/callback`,
      });
      await c.app.client.handleCallback(callback, session);
    };
    for (let i = 0; i < 10; i++) await once();
    const rounds: number[] = [];
    for (let r = 0; r < 5; r++) {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < 1000) {
        await once();
        n++;
      }
      rounds.push((n * 1000) / (performance.now() - start));
    }
    await c.close();
    return [{ name: 'callback-throughput', value: Number(median(rounds).toFixed(1)), unit: 'flows/s' }];
  },
};
