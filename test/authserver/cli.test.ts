import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_GROUPS } from '../../src/cli/commands/index.ts';
import { startConsentry } from '../support/consentry.ts';
import { basic } from './fixture.ts';

/**
 * The CLI over a data directory, then the server on it. A real `consentry` process for the first
 * and last steps (exit codes, stdout), the commands in between in-process (same commander
 * program, same service layer) to keep the file fast on a shared machine.
 */
const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'consentry.js');
const dataDir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DEMO_PROVIDER: 'false', LOG_LEVEL: 'silent' };

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { env, timeout: 30_000 });
    return { ...r, code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { stdout: x.stdout, stderr: x.stderr, code: x.code };
  }
}
/** In-process: the same command groups, stdout captured; errors are thrown instead of exiting. */
async function inProcess(...args: string[]): Promise<string> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, DEMO_PROVIDER: 'false', LOG_LEVEL: 'silent' });
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    const program = new Command().exitOverride();
    for (const register of COMMAND_GROUPS) register(program);
    await program.parseAsync(args, { from: 'user' });
    return out;
  } finally {
    process.stdout.write = write;
    process.env = saved;
  }
}
const json = async (...args: string[]) => JSON.parse(await inProcess(...args, '--json'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('consentry apps / keys', () => {
  it('manages an application end to end, and its secret gets tokens from the server', async () => {
    const key = await json('keys', 'generate', '--alg', 'ES256');
    expect(key.alg).toBe('ES256');

    const created = await json(
      'apps',
      'create',
      '--organization',
      'Acme',
      '--name',
      'Scanner',
      '--owner',
      'owner@example.test',
      '--scopes',
      'participants:read events:write',
    );
    expect(created.clientId).toMatch(/^app_/);
    expect(created.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.notification).toMatchObject({ sent: false });
    await json(
      'apps',
      'create',
      '--organization',
      'Other',
      '--name',
      'Kiosk',
      '--owner',
      'k@example.test',
      '--inactive',
    );

    // Filters; the secret never shows again, in any output.
    const byOrg = await json('apps', 'list', '--organization', 'Acme');
    expect(byOrg.map((a: { name: string }) => a.name)).toEqual(['Scanner']);
    expect((await json('apps', 'list', '--status', 'inactive')).map((a: { name: string }) => a.name)).toEqual(
      ['Kiosk'],
    );
    expect((await json('apps', 'list', '--name', 'scan')).length).toBe(1);
    const human = await cli('apps', 'show', created.clientId);
    expect(human.stdout).toContain('Scanner');
    for (const out of [JSON.stringify(byOrg), human.stdout, human.stderr])
      expect(out).not.toContain(created.clientSecret);

    const updated = await json(
      'apps',
      'update',
      created.clientId,
      '--name',
      'Door scanner',
      '--token-lifetime',
      '600',
    );
    expect(updated).toMatchObject({ name: 'Door scanner', tokenLifetimeSeconds: 600 });
    const rotated = await json('apps', 'rotate-secret', created.clientId, '--old-secret-valid-until', '1h');
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect(Date.parse(rotated.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 3500_000);

    // The server on the same data directory: both secrets work until the cutoff.
    const server = await startConsentry({ dataDir, env: { DEMO_PROVIDER: 'false' } });
    try {
      for (const secret of [created.clientSecret, rotated.clientSecret]) {
        const res = await fetch(`${server.baseUrl}/oauth2-token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: basic(created.clientId, secret),
          },
          body: 'grant_type=client_credentials',
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { expires_in: number }).expires_in).toBe(600);
      }
    } finally {
      await server.close();
    }

    expect((await json('apps', 'deactivate', created.clientId)).active).toBe(false);
    expect((await json('apps', 'activate', created.clientId)).active).toBe(true);
    expect((await json('apps', 'delete', created.clientId)).deleted).toBe(true);
    const gone = await cli('apps', 'show', created.clientId);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('APPLICATION_UNKNOWN');
  }, 120_000); // spawns the CLI several times: generous on a loaded machine

  it('refuses bad input with a clear error', async () => {
    await expect(
      inProcess('apps', 'create', '--organization', 'Acme', '--name', 'X', '--owner', 'not-an-email'),
    ).rejects.toMatchObject({ code: 'APPLICATION_INVALID' });
    await expect(inProcess('keys', 'generate', '--alg', 'HS256')).rejects.toMatchObject({
      code: 'SIGNING_KEY_INVALID',
    });
  });

  it('creates a public native client with redirect URIs; lists and revokes grants', async () => {
    const created = await json(
      'apps',
      'create',
      '--organization',
      'CiviCRM Org',
      '--name',
      'Staff app',
      '--owner',
      'owner@example.test',
      '--scopes',
      'participants:read',
      '--public',
      '--redirect-uri',
      'http://127.0.0.1/callback',
      '--redirect-uri',
      'org.example.staff:/callback',
    );
    expect(created).toMatchObject({
      clientType: 'public',
      tokenEndpointAuthMethod: 'none',
      redirectUris: ['http://127.0.0.1/callback', 'org.example.staff:/callback'],
      pkceExempt: false,
    });
    expect(created.clientSecret).toBeUndefined();
    await expect(
      inProcess(
        'apps',
        'create',
        '--organization',
        'A',
        '--name',
        'B',
        '--owner',
        'o@example.test',
        '--redirect-uri',
        'http://localhost/cb',
      ),
    ).rejects.toMatchObject({ code: 'APPLICATION_INVALID' });
    const updated = await json('apps', 'update', created.clientId, '--name', 'Staff app 2');
    // An edit of the name keeps everything else (scopes, redirect URIs).
    expect(updated).toMatchObject({
      name: 'Staff app 2',
      scopes: ['participants:read'],
      redirectUris: created.redirectUris,
    });
    expect(await json('apps', 'grants', 'list')).toEqual([]);
  });
});
