import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { freePort } from '../support/ports.ts';
import { type ConsumerProject, packAndInstall, run } from './support.ts';

/**
 * The package as a TypeScript team gets it (issue 13): `npm pack`, the tarball installed offline
 * into a fresh project, then used from plain Node, from `tsc` (strict, nodenext), and mounted
 * under /oauth in an Express app and a Fastify app, with a demo-provider flow through the prefix
 * in Chromium — the host's own feature (its session bound through the hostSession hook) and the
 * console.
 */
let project: ConsumerProject;
const dataDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-consumer-data-'));
  dataDirs.push(dir);
  return dir;
}

beforeAll(() => {
  project = packAndInstall(['express', 'fastify', 'typescript', '@types/node']);
}, 300_000);
afterAll(() => {
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  if (project) rmSync(join(project.dir, '..'), { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships compiled JavaScript, declarations, the CLI and the legal files — no tests, no TypeScript loader', () => {
    const files = project.files;
    for (const f of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'bin/consentry.js',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => /\.test\.|^test\/|^bench\/|tsbuildinfo|screenshots/.test(f))).toEqual([]);
    const installed = JSON.parse(
      readFileSync(join(project.dir, 'node_modules', 'consentry', 'package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
      exports: Record<string, { types: string }>;
      license: string;
    };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(Object.keys(installed.dependencies)).not.toContain('esbuild');
    expect(installed.exports['.']!.types).toBe('./dist/index.d.ts');
    expect(installed.license).toBe('MIT');
    expect(readFileSync(join(project.dir, 'node_modules', 'consentry', 'LICENSE'), 'utf8')).toContain(
      'MIT License',
    );
  });

  it('runs from a plain Node .mjs: Consentry on SQLite, a consumer, a consent URL, the web handler', async () => {
    const out = await run(project.dir, ['consumer.mjs'], { DATA_DIR: dataDir() });
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(r).toMatchObject({
      demo: false, // a library serves the demo provider only when asked
      redirectUri: 'http://127.0.0.1:9/oauth/oauth/callback',
      consentHost: 'github.com',
      pkce: 'S256',
      health: 200,
      healthBody: { status: 'ok', database: 'sqlite' },
      outside: 404,
      missing: 'CONNECTION_UNKNOWN',
    });
    expect(r.providers as number).toBeGreaterThan(40);
    expect(out.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
  });

  it('type-checks and compiles a strict nodenext TypeScript consumer, which then runs', async () => {
    const tsc = await run(
      project.dir,
      [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
      {},
      300_000,
    );
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    const out = await run(project.dir, [join('out', 'consumer.js')], { DATA_DIR: dataDir() });
    expect(out.code, out.stderr).toBe(0);
    // console: false leaves the console out (404 under the prefix); the plugin and handler answer.
    expect(JSON.parse(out.stdout.trim())).toEqual({
      plugin: 200,
      console: 404,
      handler: 200,
      missing: 'CONNECTION_UNKNOWN',
    });
  }, 300_000);

  it('installs the `consentry` command: --version and a listing', async () => {
    const bin = join('node_modules', 'consentry', 'bin', 'consentry.js');
    const version = await run(project.dir, [bin, '--version']);
    expect(version.stdout.trim()).toBe(
      (
        JSON.parse(readFileSync(join(project.dir, 'node_modules', 'consentry', 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version,
    );
    const list = await run(project.dir, [bin, 'providers', 'list', '--json'], { DATA_DIR: dataDir() });
    expect(list.code, list.stderr).toBe(0);
    const keys = (JSON.parse(list.stdout) as { key: string }[]).map((p) => p.key);
    expect(keys).toContain('google');
    expect(keys).toContain('demo'); // the CLI, like `npm start`, has the demo provider on
  });
});

/** Signs in and consents on the demo provider's screens until the browser reaches `done`. */
async function throughDemoProvider(page: Page, done: RegExp, login: string): Promise<void> {
  const loginField = page.locator('input[name="login"]');
  const consent = page.locator('button[type="submit"]', { hasText: 'Continue' });
  for (let step = 0; step < 4 && !done.test(page.url()); step++) {
    await Promise.race([
      page.waitForURL(done).catch(() => {}),
      loginField.waitFor().catch(() => {}),
      consent.waitFor().catch(() => {}),
    ]);
    if (done.test(page.url())) return;
    if (await loginField.count()) {
      await loginField.fill(login);
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
    } else if (await consent.count()) await consent.click();
  }
  await page.waitForURL(done);
}

describe.skipIf(!chromiumAvailable())('mounted under /oauth in a host app, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const host of ['express', 'fastify'] as const) {
    it(`${host}: the host's feature and the console complete demo flows through the prefix`, async () => {
      const port = await freePort();
      const child: ChildProcess = spawn(process.execPath, [`${host}-app.mjs`], {
        cwd: project.dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          PORT: String(port),
          DATA_DIR: dataDir(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr!.on('data', (d: Buffer) => {
        output += d.toString();
      });
      const base = `http://127.0.0.1:${port}`;
      try {
        const deadline = Date.now() + 90_000;
        while (!output.includes(`listening ${port}`)) {
          if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${host} app: ${output}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        const context = await browser.newContext();
        const page = await context.newPage();
        const assets: { url: string; status: number }[] = [];
        page.on('response', (r) => {
          if (r.url().includes('/assets/')) assets.push({ url: r.url(), status: r.status() });
        });

        // 1. The host's own feature: signed in to the host (its cookie), it starts a flow bound
        //    to that session; no consentry_sid cookie is involved.
        await page.goto(`${base}/sign-in?user=ada`);
        await page.goto(`${base}/connect-calendar`);
        expect(page.url()).toContain(`${base}/oauth/demo/`);
        await throughDemoProvider(page, /\/calendar\?/, 'ada');
        expect(page.url()).toMatch(new RegExp(`^${base}/calendar\\?user=ada&connection=`));
        expect(await page.locator('#state').textContent()).toBe('connected for ada');
        expect(await page.locator('#token').textContent()).toMatch(/^token \d+ chars$/);
        expect((await context.cookies()).map((c) => c.name)).not.toContain('consentry_sid');

        // 2. The console under the prefix: setup, Add (Auth Code), the flow, the listing.
        await page.goto(`${base}/oauth/`);
        await page.waitForURL(`${base}/oauth/setup`);
        await page.getByLabel('Email address').fill('admin@example.org');
        await page.getByLabel('Password', { exact: true }).fill('a long enough password');
        await page.getByLabel('Repeat the password').fill('a long enough password');
        await page.getByRole('button', { name: 'Create administrator' }).click();
        await page.waitForURL(`${base}/oauth/`);
        await page.getByRole('link', { name: 'Add (Auth Code)' }).first().click();
        await throughDemoProvider(page, /\/oauth\/\?oauth=/, 'grace');
        expect(page.url()).toBe(`${base}/oauth/?oauth=connected`);
        expect(await page.locator('tr[data-connection]').count()).toBeGreaterThanOrEqual(1);
        const hrefs = await page
          .locator('a[href^="/"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(hrefs.length).toBeGreaterThan(3);
        expect(hrefs.filter((h) => !h!.startsWith('/oauth/'))).toEqual([]);
        const sid = (await context.cookies()).find((c) => c.name === 'consentry_sid');
        expect(sid?.path).toBe('/oauth');
        expect(
          assets.filter((a) => a.url.startsWith(`${base}/oauth/assets/`) && a.status === 200).length,
        ).toBeGreaterThan(0);
        expect(assets.filter((a) => a.status !== 200 && !a.url.includes('/demo'))).toEqual([]);
        await context.close();
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
      }
    }, 240_000);
  }
});
