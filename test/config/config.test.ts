import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvSchema, loadConfig, loadServerConfig, serverEnvironment } from '../../src/config/config.ts';
import { configurationRows, configurationTable } from '../../src/config/config-table.ts';
import { BIN } from '../cli/support.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'consentry-config-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the README configuration table', () => {
  it('is the table generated from the configuration schema (npm run docs:config)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(configurationTable());
  });

  it('has a row with a meaning for every variable the schema parses', () => {
    const rows = configurationRows();
    expect(rows.map((r) => r.variable)).toEqual(Object.keys(EnvSchema.shape));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const r of rows) expect(r.meaning.length, r.variable).toBeGreaterThan(10);
    expect(rows.find((r) => r.variable === 'PORT')?.default).toBe('`3000`');
  });
});

describe('.env files (server and CLI)', () => {
  it('reads .env under the real environment, which wins', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.env'),
      '# comment\nPORT=4567\nDEMO_PROVIDER=false\nMAIL_FROM="Ops <ops@example.org>"\n',
    );
    const env = serverEnvironment({ DEMO_PROVIDER: 'true' }, dir);
    expect(env).toMatchObject({ PORT: '4567', DEMO_PROVIDER: 'true', MAIL_FROM: 'Ops <ops@example.org>' });
    const config = loadServerConfig(env);
    expect(config.redirectUri).toBe('http://localhost:4567/oauth/callback');
    expect(config.mailFrom).toBe('Ops <ops@example.org>');
  });

  it('ENV_FILE names another file; a missing one is CONFIG_INVALID, a missing .env is fine', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prod.env'), 'PORT=8443\n');
    expect(serverEnvironment({ ENV_FILE: 'prod.env' }, dir).PORT).toBe('8443');
    expect(() => serverEnvironment({ ENV_FILE: 'nope.env' }, dir)).toThrow(/ENV_FILE/);
    expect(serverEnvironment({ PORT: '1' }, tempDir())).toEqual({ PORT: '1' });
  });

  it('the CLI sees the .env of its working directory (the redirect URL the server will use)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'PORT=4567\nDATA_DIR=./data\n');
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'redirect-url', '--json'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ redirectUrl: 'http://localhost:4567/oauth/callback' });
  }, 60_000);
});

describe('library and server defaults, the mount path', () => {
  it('the demo provider is on for the server and the CLI, off in a library unless asked for', () => {
    expect(loadConfig({}).demoProvider).toBe(false);
    expect(loadConfig({ DEMO_PROVIDER: 'true' }).demoProvider).toBe(true);
    expect(loadConfig({}, { server: true }).demoProvider).toBe(true);
    expect(loadConfig({ DEMO_PROVIDER: 'false' }, { server: true }).demoProvider).toBe(false);
  });

  it('PUBLIC_BASE_URL may carry the mount path; query, fragment or credentials are refused', () => {
    const c = loadConfig({ PUBLIC_BASE_URL: 'https://app.example.com/oauth/' });
    expect(c.publicBaseUrl).toBe('https://app.example.com/oauth');
    expect(c.basePath).toBe('/oauth');
    expect(c.redirectUri).toBe('https://app.example.com/oauth/oauth/callback');
    expect(loadConfig({}).basePath).toBe('');
    for (const bad of [
      'https://app.example.com/?x=1',
      'https://app.example.com/#x',
      'https://u:p@app.example.com/',
    ])
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
  });
});
