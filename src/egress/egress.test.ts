import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../domain/errors.ts';
import { Egress, type Resolver } from './egress.ts';
import { allowsPlainHttp, assertAddressAllowed, isInternalAddress, parseEgressAllow } from './policy.ts';

const policy = (allow: string, trustedOrigins: string[] = []) => ({
  rules: parseEgressAllow(allow),
  trustedOrigins,
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isConsentryError(e) ? e.code : `other: ${(e as Error).name} ${(e as Error).message}`;
  }
  return 'no error';
}

describe('policy', () => {
  it('classifies internal addresses: loopback, private, link-local, metadata, CGNAT, ULA, mapped', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '224.0.0.1',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8'])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it('parses EGRESS_ALLOW: ranges, addresses, hosts, ports; refuses garbage', () => {
    const p = policy('10.0.0.0/8,mail.internal:993,[::1]:8080,192.0.2.7');
    expect(() => assertAddressAllowed(p, 'x', '10.9.9.9', 443)).not.toThrow();
    expect(() => assertAddressAllowed(p, 'mail.internal', '192.168.5.5', 993)).not.toThrow();
    expect(() => assertAddressAllowed(p, 'mail.internal', '192.168.5.5', 25)).toThrow(/EGRESS_ALLOW/);
    expect(() => assertAddressAllowed(p, 'x', '::1', 8080)).not.toThrow();
    expect(() => assertAddressAllowed(p, 'x', '::1', 8081)).toThrow();
    expect(() => assertAddressAllowed(p, 'x', '127.0.0.1', 80)).toThrow();
    expect(() => parseEgressAllow('10.0.0.0/99')).toThrow(/EGRESS_ALLOW/);
    expect(() => parseEgressAllow('http://x')).toThrow(/EGRESS_ALLOW/);
  });

  it('plain http only to an allowed loopback host or a trusted origin', () => {
    const p = policy('127.0.0.1', ['http://consentry.internal:3000']);
    expect(allowsPlainHttp(p, new URL('http://127.0.0.1:9/x'))).toBe(true);
    // A loopback name: allowed as its loopback address; the connect-time check still decides.
    expect(allowsPlainHttp(p, new URL('http://localhost:9/x'))).toBe(true);
    expect(allowsPlainHttp(p, new URL('http://consentry.internal:3000/demo'))).toBe(true);
    expect(allowsPlainHttp(p, new URL('http://example.com/'))).toBe(false);
    expect(allowsPlainHttp(policy(''), new URL('http://127.0.0.1:9/x'))).toBe(false);
  });
});

describe('Egress.fetch against loopback listeners', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
      } else if (req.url === '/big') {
        res.writeHead(200).end(Buffer.alloc(4096, 97));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 2_000);
      } else if (req.url === '/echo') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
          res.end(
            JSON.stringify({
              method: req.method,
              type: req.headers['content-type'] ?? null,
              agent: req.headers['user-agent'] ?? null,
              custom: req.headers['x-custom'] ?? null,
              authorization: req.headers.authorization ?? null,
              cookie: req.headers.cookie ?? null,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        });
      } else if (req.url === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ access_token: 'zipped' })));
      } else if (req.url === '/gzip-bomb') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(64 * 1024, 97)));
      } else if (req.url === '/gzip-br') {
        // Two codings, in two header lines: gzip applied first, then br.
        res.writeHead(200, [
          ['content-type', 'application/json'],
          ['content-encoding', 'gzip'],
          ['content-encoding', 'br'],
        ]);
        res.end(brotliCompressSync(gzipSync(JSON.stringify({ access_token: 'twice' }))));
      } else if (req.url === '/raw-deflate') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
        res.end(deflateRawSync(JSON.stringify({ access_token: 'raw' })));
      } else if (req.url === '/unknown-coding') {
        res.writeHead(200, { 'content-encoding': 'gzip, zstd' }).end('as sent');
      } else if (req.url === '/elsewhere') {
        // Another origin: the same listener under another name (resolved by the test's resolver).
        res.writeHead(307, { location: `http://other.test:${port}/echo` }).end();
      } else if (req.url === '/same-origin') {
        res.writeHead(307, { location: '/echo' }).end();
      } else if (req.url === '/not-modified') {
        res.writeHead(304, { location: '/echo' }).end();
      } else if (req.url === '/reset') {
        req.socket.destroy();
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok ${req.url}`);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('refuses loopback without an exception, before any byte reaches the listener', async () => {
    const before = hits.length;
    const strict = new Egress(policy(''));
    expect(await refusal(strict.fetch(`http://127.0.0.1:${port}/x`))).toBe('EGRESS_REFUSED');
    // https to a loopback literal: the scheme passes, the address does not.
    expect(await refusal(strict.fetch(`https://127.0.0.1:${port}/x`))).toBe('EGRESS_REFUSED');
    expect(hits.length).toBe(before);
    await strict.close();
  });

  it('checks the RESOLVED address at connect time (DNS rebinding)', async () => {
    // A public-looking name whose answer, when the socket is opened, is 127.0.0.1: no check made
    // earlier on the URL can vouch for it — the lookup the connector calls is the policy's.
    const rebinding: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const egress = new Egress(policy(''), { resolve: rebinding });
    const before = hits.length;
    expect(await refusal(egress.fetch(`https://rebind.test:${port}/x`))).toBe('EGRESS_REFUSED');
    expect(hits.length).toBe(before);
    // Mixed answers are refused too.
    const mixed = new Egress(policy(''), {
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ],
    });
    expect(await refusal(mixed.resolveServer('mail.test', 993))).toBe('EGRESS_REFUSED');
    await egress.close();
    await mixed.close();
  });

  it('with an exception: fetches, never follows redirects unless asked, and checks every hop', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    const ok = await egress.fetch(`http://127.0.0.1:${port}/hello`);
    expect(await ok.text()).toBe('ok /hello');
    const manual = await egress.fetch(`http://127.0.0.1:${port}/redirect`);
    expect(manual.status).toBe(302);
    const followed = await egress.fetch(`http://127.0.0.1:${port}/redirect`, { redirect: 'follow' });
    expect(await followed.text()).toBe('ok /target');
    expect(await refusal(egress.fetch(`http://127.0.0.1:${port}/redirect`, { redirect: 'error' }))).toBe(
      'EGRESS_REFUSED',
    );
    await egress.close();
  });

  it('a followed redirect to another origin does not carry the credentials; only redirect statuses are followed', async () => {
    const egress = new Egress(policy('127.0.0.1', [`http://other.test:${port}`]), {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const init = {
      method: 'POST',
      body: 'b',
      headers: { authorization: 'Bearer secret', cookie: 'sid=1', 'x-custom': 'kept' },
      redirect: 'follow' as const,
    };
    const across = await (await egress.fetch(`http://127.0.0.1:${port}/elsewhere`, init)).json();
    expect(across).toMatchObject({
      method: 'POST',
      body: 'b',
      custom: 'kept',
      authorization: null,
      cookie: null,
    });
    const same = await (await egress.fetch(`http://127.0.0.1:${port}/same-origin`, init)).json();
    expect(same).toMatchObject({ authorization: 'Bearer secret', cookie: 'sid=1' });
    expect((await egress.fetch(`http://127.0.0.1:${port}/not-modified`, init)).status).toBe(304);
    await egress.close();
  });

  it('bounds the response size and the time', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    expect(await refusal(egress.fetch(`http://127.0.0.1:${port}/big`, { maxResponseBytes: 1024 }))).toBe(
      'EGRESS_RESPONSE_TOO_LARGE',
    );
    expect(await (await egress.fetch(`http://127.0.0.1:${port}/big`)).text()).toHaveLength(4096);
    expect(await refusal(egress.fetch(`http://127.0.0.1:${port}/slow`, { timeoutMs: 200 }))).toMatch(
      /TimeoutError|AbortError/,
    );
    await egress.close();
  });

  // Sent with undici's `request` (issue 11): what fetch did for callers is kept, shape by shape.
  it('sends any body as fetch would: form and string content-types, Blob and FormData, headers of any shape', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    const echo = async (init: RequestInit) =>
      (await (await egress.fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', ...init })).json()) as {
        method: string;
        type: string | null;
        agent: string | null;
        custom: string | null;
        body: string;
      };
    const form = await echo({
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r t' }),
    });
    expect(form).toMatchObject({
      method: 'POST',
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
      agent: 'Consentry',
      body: 'grant_type=refresh_token&refresh_token=r+t',
    });
    expect(await echo({ body: 'plain' })).toMatchObject({ type: 'text/plain;charset=UTF-8', body: 'plain' });
    const json = await echo({
      body: '{"a":1}',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Custom', 'v'],
      ],
    });
    expect(json).toMatchObject({ type: 'application/json', custom: 'v', body: '{"a":1}' });
    const blob = await echo({ body: new Blob(['bytes'], { type: 'application/octet-stream' }) });
    expect(blob).toMatchObject({ type: 'application/octet-stream', body: 'bytes' });
    const fd = new FormData();
    fd.set('field', 'value');
    const multipart = await echo({ body: fd, headers: new Headers({ 'user-agent': 'Mine' }) });
    expect(multipart.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart.body).toContain('value');
    expect(multipart.agent).toBe('Mine');
    const res = await egress.fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'x' });
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    await egress.close();
  });

  it('decodes a compressed answer within the size limit; network failures and aborts keep fetch’s names', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    const zipped = await egress.fetch(`http://127.0.0.1:${port}/gzip`);
    expect(await zipped.json()).toEqual({ access_token: 'zipped' });
    expect(zipped.headers.get('content-encoding')).toBeNull();
    // 64 KiB inflated from a few hundred bytes: the limit counts what is decoded.
    expect(
      await refusal(egress.fetch(`http://127.0.0.1:${port}/gzip-bomb`, { maxResponseBytes: 1024 })),
    ).toBe('EGRESS_RESPONSE_TOO_LARGE');
    // As fetch did: stacked codings undone in reverse order, deflate with or without its zlib
    // header; a list with a coding we cannot undo is left as sent (and says so).
    expect(await (await egress.fetch(`http://127.0.0.1:${port}/gzip-br`)).json()).toEqual({
      access_token: 'twice',
    });
    expect(await (await egress.fetch(`http://127.0.0.1:${port}/raw-deflate`)).json()).toEqual({
      access_token: 'raw',
    });
    const unknown = await egress.fetch(`http://127.0.0.1:${port}/unknown-coding`);
    expect([await unknown.text(), unknown.headers.get('content-encoding')]).toEqual([
      'as sent',
      'gzip, zstd',
    ]);
    expect(await refusal(egress.fetch(`http://127.0.0.1:${port}/reset`))).toBe(
      'other: TypeError fetch failed',
    );
    const controller = new AbortController();
    const pending = egress.fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal });
    controller.abort();
    expect(await refusal(pending)).toBe('other: AbortError This operation was aborted');
    expect(
      await refusal(egress.fetch(`http://127.0.0.1:${port}/x`, { signal: AbortSignal.abort() })),
    ).toMatch(/AbortError/);
    await egress.close();
  });

  it('a request body stream that never ends is cancelled by the timeout (and by the caller’s abort)', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    let cancelled: unknown;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull: () => new Promise(() => {}),
        cancel: (reason) => {
          cancelled = reason;
        },
      });
    const outcome = await refusal(
      Promise.race([
        egress.fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: endless(), timeoutMs: 200 }),
        new Promise((resolve) => setTimeout(resolve, 5_000, 'still waiting')),
      ]),
    );
    expect(outcome).toBe('other: TimeoutError The operation was aborted due to timeout');
    expect((cancelled as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = egress.fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      body: endless(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await refusal(pending)).toMatch(/AbortError/);
    await egress.close();
  });

  it('refuses plain http to a public host and to loopback not opened', async () => {
    const egress = new Egress(policy('10.0.0.0/8'));
    expect(await refusal(egress.fetch('http://example.com/'))).toBe('EGRESS_REFUSED');
    expect(await refusal(egress.fetch(`http://127.0.0.1:${port}/`))).toBe('EGRESS_REFUSED');
    await egress.close();
  });
});

describe('Egress.fetch against a raw HTTP/1.1 peer', () => {
  // Bytes node:http would refuse to send: header values that are not Latin-1 text.
  let server: ReturnType<typeof createTcpServer>;
  let port: number;
  beforeAll(async () => {
    server = createTcpServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => {
        socket.end(
          Buffer.concat([
            Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-note: '),
            Buffer.from('5 €', 'utf8'),
            Buffer.from('\r\nx-latin: caf'),
            Buffer.from([0xe9]),
            Buffer.from('\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}'),
          ]),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('a header value that is not Latin-1 text does not fail the answer; UTF-8 bytes come as fetch gives them', async () => {
    const egress = new Egress(policy('127.0.0.1'));
    const res = await egress.fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    // fetch's header values are byte strings: one character per byte received.
    expect(res.headers.get('x-note')).toBe(Buffer.from('5 €', 'utf8').toString('latin1'));
    expect(res.headers.get('x-latin')).toMatch(/^caf/);
    await egress.close();
  });
});
