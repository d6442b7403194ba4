import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../src/index.ts';

/**
 * A webhook receiver as a subscriber would write one: reads the raw body, verifies
 * `Consentry-Signature` with the exported `verifyWebhook`, answers 2xx (or the scripted failure
 * statuses first), and keeps what it received.
 */
export interface Received {
  path: string;
  eventId: string;
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the peer
  body: any;
  attempt: number;
  verified: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses to answer with before answering 204 (e.g. [500, 503]). */
  failFirst: number[];
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `secret(path)`: the endpoint's signing secret for the request path (with its query). */
export async function startReceiver(secret: (path: string) => string | undefined): Promise<Receiver> {
  const received: Received[] = [];
  const r: Partial<Receiver> = { received, failFirst: [] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const s = secret(req.url ?? '/');
      const verified = s ? verifyWebhook(s, req.headers['consentry-signature'], raw).ok : false;
      const fail = r.failFirst!.shift();
      if (fail) {
        res.statusCode = fail;
        res.end('not now');
        return;
      }
      received.push({
        path: req.url ?? '/',
        eventId: String(req.headers['consentry-event-id']),
        type: String(req.headers['consentry-event-type']),
        body: JSON.parse(raw.toString('utf8')),
        attempt: Number(req.headers['consentry-delivery-attempt']),
        verified,
      });
      res.statusCode = verified ? 204 : 400;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(r, {
    url: `http://127.0.0.1:${port}/hooks`,
    async waitFor(count: number, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`received ${received.length} of ${count} webhooks`);
        await new Promise((res) => setTimeout(res, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Receiver;
}
