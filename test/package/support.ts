import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** Node's lookup: `from/node_modules/name`, then each enclosing node_modules, then the top. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

/**
 * A package-lock.json for a consumer project: the tarball as `consentry`, plus `roots` from this
 * repository, with exactly the versions (and integrity hashes) this repository's own lock holds.
 * `npm ci --offline` then needs only tarballs already in the npm cache — no registry metadata,
 * no network (a plain `npm install` of the tarball would ask the registry for packuments).
 */
export function consumerLock(tarball: string, roots: string[], overrides: Record<string, string>) {
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    engines: Record<string, string>;
    bin: Record<string, string>;
    license: string;
  };
  const out: Record<string, LockEntry> = {};
  const visit = (from: string, deps: Record<string, string>, optional: Set<string>) => {
    for (const name of Object.keys(deps)) {
      const path = resolveIn(repoLock.packages, from, name);
      if (!path) {
        if (optional.has(name)) continue;
        throw new Error(`${name} (needed by ${from || 'the consumer'}) is not in package-lock.json`);
      }
      if (out[path]) continue;
      const { dev: _d, devOptional: _o, peer: _p, ...entry } = repoLock.packages[path]!;
      // This machine's npm writes locks without `resolved` (omit-lockfile-registry-resolved);
      // with the tarball URL spelled out, `npm ci` takes the tarball from the cache by its
      // integrity and never asks the registry for metadata.
      const pkgName = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      if (!entry.resolved && entry.version && entry.integrity)
        entry.resolved = `https://registry.npmjs.org/${pkgName}/-/${pkgName.split('/').pop()}-${entry.version}.tgz`;
      out[path] = entry;
      const peerOptional = new Set(
        Object.entries(entry.peerDependenciesMeta ?? {})
          .filter(([, m]) => m.optional)
          .map(([n]) => n),
      );
      visit(path, entry.dependencies ?? {}, new Set());
      visit(path, entry.optionalDependencies ?? {}, new Set(Object.keys(entry.optionalDependencies ?? {})));
      visit(path, entry.peerDependencies ?? {}, peerOptional);
    }
  };
  const rootDeps = Object.fromEntries(
    roots.map((r) => [r, repoLock.packages[`node_modules/${r}`]!.version!]),
  );
  visit('', pkg.dependencies, new Set());
  visit('', rootDeps, new Set());
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const spec = `file:../${basename(tarball)}`; // the project sits beside the tarball
  const dependencies = { consentry: spec, ...rootDeps };
  return {
    packageJson: { name: 'consentry-consumer', private: true, type: 'module', dependencies, overrides },
    lock: {
      name: 'consentry-consumer',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'consentry-consumer', dependencies },
        'node_modules/consentry': {
          version: pkg.version,
          resolved: spec,
          integrity,
          license: pkg.license,
          dependencies: pkg.dependencies,
          bin: pkg.bin,
          engines: pkg.engines,
        },
        ...out,
      },
    },
  };
}

export interface ConsumerProject {
  dir: string;
  tarball: string;
  files: string[];
}

/**
 * `npm pack` this repository (dist/ is built by the global setup; `--ignore-scripts` so packing
 * never rebuilds dist/ under suites that run it), then a fresh project that installs the tarball
 * offline with `npm ci` from the lock above.
 *
 * better-sqlite3 is a native addon: its install script downloads a prebuilt binary or compiles
 * against Node's headers, both of which need the internet. The install runs with
 * --ignore-scripts and the addon binary built for this same Node by this repository's own
 * install is copied in — the one thing taken from this repository's node_modules.
 */
export function packAndInstall(roots: string[]): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-consumer-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, packed[0]!.filename);
  const project = join(dir, 'project');
  cpSync(join(import.meta.dirname, 'consumer'), project, { recursive: true });
  const { packageJson, lock } = consumerLock(tarball, roots, { cookie: '^1.1.1' });
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  const install = spawnSync(
    'npm',
    ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: project, encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`npm ci --offline failed: ${install.stderr}`);
  cpSync(
    join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  );
  return { dir: project, tarball, files: packed[0]!.files.map((f) => f.path) };
}

export function installedFiles(project: string): string[] {
  return readdirSync(join(project, 'node_modules', 'consentry'));
}

/** Runs `node args…` in the project; resolves with exit code and output. */
export function run(
  project: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} timed out: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
