import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { importClientPrivateKey } from '../../src/protocol/client-auth.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { loopbackFetch } from '../support/egress.ts';
import {
  aadError,
  type MicrosoftStandIn,
  MS_TENANT,
  startMicrosoftStandIn,
} from '../support/microsoft-standin.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

/**
 * Microsoft app-only mail (issue 16): a mailbox bound to the application's client-credentials
 * connection (scope https://outlook.office365.com/.default) sends through the mail consumer to a
 * REAL SMTP server (smtp-server) whose XOAUTH2 check asks the Microsoft stand-in whether it issued
 * the bearer, for that scope, and whether the application was given the mailbox. Once with a
 * client secret, once with a certificate (private_key_jwt, x5t#S256).
 */
const APP_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = 'MS-APP-SECRET-Zq8~x.91';
const MAILBOX = 'shared-inbox@contoso.test';
const OUTLOOK_DEFAULT = 'https://outlook.office365.com/.default';

let keyDir: string;
let certificatePem: string;
let keyPem: string;
let ms: MicrosoftStandIn;
let smtp: TestSmtp;
let consentry: TestConsentry;
/** Mailboxes the application was given in Exchange (Add-MailboxPermission). */
const granted = new Set([MAILBOX]);

beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), 'consentry-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=consentry-app-only-test',
      '-days',
      '2',
      '-keyout',
      join(keyDir, 'key.pem'),
      '-out',
      join(keyDir, 'cert.pem'),
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  keyPem = readFileSync(join(keyDir, 'key.pem'), 'utf8');
  certificatePem = readFileSync(join(keyDir, 'cert.pem'), 'utf8');
  ms = await startMicrosoftStandIn({ clientId: APP_ID, secret: SECRET, certificate: certificatePem });
  smtp = await startSmtp({
    async verify(user, token) {
      const t = ms.lookup(token);
      return t !== undefined && t.scope === OUTLOOK_DEFAULT && granted.has(user.toLowerCase());
    },
  });
  consentry = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    clientOptions: {
      protocol: {
        allowInsecure: () => true,
        timeoutMs: 10_000,
        fetch: (url, init) => loopbackFetch(ms.rewrite(String(url)), init),
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await consentry?.close();
  await smtp?.close();
  await ms?.close();
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

const loopbackSmtp = () => ({ host: '127.0.0.1', port: smtp.port, security: 'none' as const });

async function secretClient(name = 'Contoso app (secret)') {
  return consentry.app.store.clients.create({
    providerKey: 'microsoft',
    name,
    clientId: APP_ID,
    clientSecret: SECRET,
    templateValues: { tenant: MS_TENANT },
  });
}

describe('Microsoft app-only mail through the mail consumer', () => {
  it('with a client secret: the application token sends as the mailbox (XOAUTH2 user = address)', async () => {
    const client = await secretClient();
    const mail = consentry.app.features.mail;
    const m = await mail.createAccount({
      clientRef: client.id,
      address: MAILBOX,
      access: 'application',
      smtp: loopbackSmtp(),
      imap: { host: '127.0.0.1', port: 1, security: 'none' },
    });
    expect(await mail.accessOf(m)).toBe('application');
    const c = (await consentry.app.store.connections.get(m.connectionRef!))!;
    expect(c).toMatchObject({ grantType: 'client_credentials', scopes: [OUTLOOK_DEFAULT], purpose: 'mail' });
    const tokenRequest = ms.requests[ms.requests.length - 1]!;
    expect(tokenRequest.path).toBe(`/login.microsoftonline.com/${MS_TENANT}/oauth2/v2.0/token`);
    expect(tokenRequest.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: SECRET,
      scope: OUTLOOK_DEFAULT,
    });

    const sent = await mail.send(m.id, {
      to: 'someone@example.test',
      subject: 'App-only hello',
      text: 'From the app.',
    });
    expect(sent.accepted).toEqual(['someone@example.test']);
    const arrived = smtp.messages.find((x) => x.raw.includes('Subject: App-only hello'))!;
    expect(arrived.user).toBe(MAILBOX);
    expect(arrived.from).toBe(MAILBOX);
    expect(smtp.auths[smtp.auths.length - 1]).toMatchObject({ user: MAILBOX, ok: true });
    expect(ms.lookup(smtp.auths[smtp.auths.length - 1]!.token)?.via).toBe('secret');

    // A second mailbox of the same client shares the one application connection.
    granted.add('second@contoso.test');
    const requests = ms.requests.length;
    const m2 = await mail.createAccount({
      clientRef: client.id,
      address: 'second@contoso.test',
      access: 'application',
      smtp: loopbackSmtp(),
      imap: { host: '127.0.0.1', port: 1, security: 'none' },
    });
    expect(m2.connectionRef).toBe(m.connectionRef);
    expect(ms.requests.length).toBe(requests);
    // Deleting one mailbox keeps the shared connection for the other.
    await mail.delete(m2.id);
    expect(await consentry.app.store.connections.get(m.connectionRef!)).toBeDefined();
    // A person's reconnect flow is refused for an application mailbox.
    const err = await mail
      .beginConnect(m.id, { session: 'x'.repeat(32), returnUrl: '/mail' })
      .catch((e) => e);
    expect(isConsentryError(err, 'BAD_REQUEST')).toBe(true);
    expect(consentry.logs.join('\n')).not.toContain(SECRET);
  });

  it('with a certificate (private_key_jwt, x5t#S256): the same send works, no secret is sent', async () => {
    const pair = await importClientPrivateKey(`${keyPem}\n${certificatePem}`);
    expect(pair.publicJwk).toHaveProperty('x5t#S256');
    const client = await consentry.app.store.clients.create({
      providerKey: 'microsoft',
      name: 'Contoso app (certificate)',
      clientId: APP_ID,
      clientKey: JSON.stringify(pair.privateJwk),
      templateValues: { tenant: MS_TENANT },
      options: { publicJwk: pair.publicJwk, clientAuth: 'private_key_jwt' },
    });
    const mail = consentry.app.features.mail;
    const m = await mail.createAccount({
      clientRef: client.id,
      address: MAILBOX,
      access: 'application',
      smtp: loopbackSmtp(),
      imap: { host: '127.0.0.1', port: 1, security: 'none' },
    });
    const tokenRequest = ms.requests[ms.requests.length - 1]!;
    expect(tokenRequest.form.client_secret).toBeUndefined();
    expect(tokenRequest.authorization).toBeUndefined();
    expect(tokenRequest.form.client_assertion_type).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const header = decodeProtectedHeader(tokenRequest.form.client_assertion!);
    expect(header).toMatchObject({
      alg: 'RS256',
      'x5t#S256': pair.publicJwk['x5t#S256'],
      x5t: pair.publicJwk.x5t,
    });
    expect(decodeJwt(tokenRequest.form.client_assertion!)).toMatchObject({
      aud: `https://login.microsoftonline.com/${MS_TENANT}/oauth2/v2.0/token`,
      iss: APP_ID,
      sub: APP_ID,
    });

    await mail.send(m.id, { to: 'someone@example.test', subject: 'Certificate hello', text: 'Signed.' });
    const arrived = smtp.messages.find((x) => x.raw.includes('Subject: Certificate hello'))!;
    expect(arrived.user).toBe(MAILBOX);
    expect(ms.lookup(smtp.auths[smtp.auths.length - 1]!.token)?.via).toBe('certificate');
  });

  it('a mailbox the application was not given is refused by the mail server (535), not a token problem', async () => {
    const client = await secretClient('Contoso app (not given)');
    const mail = consentry.app.features.mail;
    const m = await mail.createAccount({
      clientRef: client.id,
      address: 'ceo@contoso.test',
      access: 'application',
      smtp: loopbackSmtp(),
      imap: { host: '127.0.0.1', port: 1, security: 'none' },
    });
    const err = await mail.send(m.id, { to: 'x@example.test', subject: 'no', text: 'no' }).catch((e) => e);
    expect(isConsentryError(err, 'MAIL_AUTH_FAILED')).toBe(true);
  });
});

describe('Microsoft token endpoint shapes (client credentials)', () => {
  it('Graph default scope and the documented success body', async () => {
    const client = await secretClient('Graph app');
    const c = await consentry.app.client.connectClientCredentials({ client: client.id, purpose: 'mail' });
    expect(ms.requests[ms.requests.length - 1]!.form.scope).toBe('https://graph.microsoft.com/.default');
    expect(c.scopes).toEqual(['https://graph.microsoft.com/.default']);
    expect(c.tokenType).toBe('bearer');
    const lifetime = (c.expiresAt!.getTime() - Date.now()) / 1000;
    expect(lifetime).toBeGreaterThan(3500);
    expect(lifetime).toBeLessThanOrEqual(3599);
  });

  it('AADSTS7000215 (HTTP 401 invalid_client) flags the client, names the cause, leaks nothing', async () => {
    const client = await consentry.app.store.clients.create({
      providerKey: 'microsoft',
      name: 'Wrong secret',
      clientId: APP_ID,
      clientSecret: 'WRONG-MS-SECRET-0099',
      templateValues: { tenant: MS_TENANT },
    });
    const err = await consentry.app.client
      .connectClientCredentials({ client: client.id, purpose: 'mail' })
      .catch((e) => e);
    expect(isConsentryError(err, 'CLIENT_REFUSED')).toBe(true);
    const flagged = (await consentry.app.store.clients.get(client.id))!;
    expect(flagged.refusal).toMatchObject({
      cause: 'client_invalid',
      evidence: { status: 401, error: 'invalid_client', provider: 'microsoft' },
    });
    expect(flagged.refusal!.evidence.description).toContain('AADSTS7000215');
    expect(JSON.stringify(err)).not.toContain('WRONG-MS-SECRET-0099');
    expect(consentry.logs.join('\n')).not.toContain('WRONG-MS-SECRET-0099');
  });

  it('AADSTS1002012 (400 invalid_scope) is grant_refused and does not flag the client', async () => {
    const client = await secretClient('Bad scope');
    const err = await consentry.app.client
      .connectClientCredentials({ client: client.id, purpose: 'mail', scopes: ['Mail.Send'] })
      .catch((e) => e);
    expect(isConsentryError(err, 'TOKEN_REQUEST_REJECTED')).toBe(true);
    expect(err.facts).toMatchObject({ cause: 'grant_refused', status: 400 });
    expect((await consentry.app.store.clients.get(client.id))!.refusal).toBeUndefined();
  });

  it('on renewal: 429 with Retry-After pauses the client; AADSTS7000222 (expired secret) flags it', async () => {
    const client = await secretClient('Renewals');
    const c = await consentry.app.client.connectClientCredentials({ client: client.id, purpose: 'mail' });
    ms.queue({ status: 429, body: { error: 'temporarily_unavailable' }, headers: { 'retry-after': '120' } });
    const limited = await consentry.app.client.ensureFresh(c.id, { skewSeconds: 7200 }).catch((e) => e);
    expect(isConsentryError(limited)).toBe(true);
    const paused = (await consentry.app.store.clients.get(client.id))!;
    expect(paused.pausedUntil!.getTime() - Date.now()).toBeGreaterThan(100_000);
    expect((await consentry.app.store.connections.get(c.id))!.status).toBe('active');

    const client2 = await secretClient('Expired secret');
    const c2 = await consentry.app.client.connectClientCredentials({ client: client2.id, purpose: 'mail' });
    ms.queue(
      aadError(
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${APP_ID}' are expired.`,
      ),
    );
    const refused = await consentry.app.client.ensureFresh(c2.id, { skewSeconds: 7200 }).catch((e) => e);
    expect(isConsentryError(refused, 'CLIENT_REFUSED')).toBe(true);
    expect((await consentry.app.store.clients.get(client2.id))!.refusal?.cause).toBe('client_invalid');
    // The connection keeps its token and is not needs_reauth: the client is what must be fixed.
    expect((await consentry.app.store.connections.get(c2.id))!.status).toBe('active');
  });

  it('AADSTS90002 (unknown tenant) is an unknown refusal: retried, bounded', async () => {
    const client = await consentry.app.store.clients.create({
      providerKey: 'microsoft',
      name: 'Other tenant',
      clientId: APP_ID,
      clientSecret: SECRET,
      templateValues: { tenant: 'contoso-missing.onmicrosoft.com' },
    });
    const err = await consentry.app.client
      .connectClientCredentials({ client: client.id, purpose: 'mail' })
      .catch((e) => e);
    expect(isConsentryError(err, 'TOKEN_REQUEST_REJECTED')).toBe(true);
    expect(err.facts.cause).toBe('refused');
  });
});
