import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InstanceSpec } from './fixture.ts';
import type { FromWorker, ToWorker } from './worker.ts';

/** The parent's handle on one worker process (./worker.ts). */
export interface WorkerHandle {
  name: string;
  child: ChildProcess;
  send(message: ToWorker): void;
  /** The next message of this type (rejects when the process exits first). */
  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>>;
  /** Resolves with the signal (e.g. SIGKILL) or exit code once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * The crash suite starts 100+ processes on a 2-core machine: loading ~100 TypeScript modules
 * through tsx costs ~0.8 s of CPU per process, the same code bundled once by esbuild (tsx's own
 * transformer) ~0.15 s. The bundle lives under node_modules/.cache so that `pg` and
 * `better-sqlite3` (external: native / optional parts) resolve as usual. Falls back to tsx.
 */
let entry: Promise<{ file: string; execArgv: string[] }> | undefined;
function workerEntry(): Promise<{ file: string; execArgv: string[] }> {
  entry ??= (async () => {
    try {
      const esbuild = await import('esbuild');
      const dir = fileURLToPath(new URL('../../node_modules/.cache/consentry-scale/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      const file = `${dir}worker-${process.pid}.mjs`;
      await esbuild.build({
        entryPoints: [WORKER],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: file,
        external: ['better-sqlite3', 'pg', 'pg-native'],
        banner: {
          js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        },
        logLevel: 'error',
      });
      return { file, execArgv: [] };
    } catch {
      return { file: WORKER, execArgv: ['--import', 'tsx'] };
    }
  })();
  return entry;
}

export async function startWorker(
  spec: InstanceSpec,
  options: { name: string; leaseMs: number; maxLeaseWaitMs: number; journal?: string },
): Promise<WorkerHandle> {
  const { file, execArgv } = await workerEntry();
  const child = fork(file, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: FromWorker[] = [];
  const waiters: { type: string; resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const w of waiters.splice(0))
        w.reject(new Error(`${options.name} exited (${signal ?? code}) before "${w.type}"`));
      resolve({ code, signal });
    }),
  );
  child.on('message', (m: FromWorker) => {
    if (m.type === 'failed') {
      for (const w of waiters.splice(0)) w.reject(new Error(`${options.name}: ${m.error}`));
      return;
    }
    const i = waiters.findIndex((w) => w.type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(m);
    else queue.push(m);
  });
  const handle: WorkerHandle = {
    name: options.name,
    child,
    send: (m) => {
      if (child.connected) child.send(m);
    },
    next(type) {
      const i = queue.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0] as never);
      if (child.exitCode !== null || child.signalCode !== null)
        return Promise.reject(new Error(`${options.name} already exited`));
      return new Promise((resolve, reject) => waiters.push({ type, resolve: resolve as never, reject }));
    },
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  await handle.next('alive');
  handle.send({ type: 'init', spec, ...options });
  await handle.next('ready');
  return handle;
}
