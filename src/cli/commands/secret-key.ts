import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { cliAuditActor } from '../../console/actor.ts';
import { currentRing, pruneKeys, rotateKey } from '../../console/secret-keys.ts';
import { awaitKeyEverywhere } from '../../core/key-ring-heartbeat.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { createInstanceRepository } from '../../storage/key-ring/instances.repository.ts';
import { countNotUnderKey, keyUsage, type RewrapProgress, rewrapAll } from '../../storage/sealed-rewrap.ts';
import { printJson, withConsentry } from '../context.ts';

/**
 * `secret-key rotate|rewrap|status|prune` — the SecretBox key ring (see src/console/secret-keys.ts
 * for the procedure). With the key file, `rotate && rewrap` is safe while servers run: servers
 * re-read the file, and rewrap waits until every live server reports the new key (issue 10).
 */
export function registerSecretKeyCommands(program: Command): void {
  const sk = program.command('secret-key').description('the key that seals secrets at rest (SecretBox)');

  sk.command('rotate')
    .description('make a new key current, keeping the old ones to open what they sealed')
    .option('--print-env', 'with SECRET_BOX_KEY: print the new value to set (it contains the keys)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { printEnv?: boolean; json?: boolean }) => {
      const config = loadConfig();
      if (config.secretBoxKey && !opts.printEnv)
        throw new ConsentryError('CONFIG_INVALID', {
          detail:
            'The keys come from SECRET_BOX_KEY, which only you can change. Run again with --print-env to get the new value (current key first), set it, then restart the servers.',
        });
      const change = rotateKey(config);
      if (opts.json) printJson(change);
      else if (change.envValue) process.stdout.write(`SECRET_BOX_KEY=${change.envValue}\n`);
      else
        process.stdout.write(`New current key ${change.currentKeyId} written to ${config.secretKeyFile}.\n`);
      process.stderr.write(
        change.source === 'file'
          ? 'Running servers pick the new key up by themselves. Next: `consentry secret-key rewrap` (it waits until every server holds the new key).\n'
          : 'Next: set SECRET_BOX_KEY to the new value on every server and restart them one by one, then run `consentry secret-key rewrap` (it waits until every server holds the new key).\n',
      );
      await withConsentry(async (app) => {
        await app.audit.record({
          action: 'secret_key.rotate',
          actor: cliAuditActor(),
          target: { type: 'secret_key', id: change.currentKeyId },
          details: { source: change.source, keys: change.keyIds.length },
        });
      });
    });

  sk.command('rewrap')
    .description('re-seal every stored secret under the current key (resumable; safe while servers run)')
    .option('--batch-size <n>', 'rows per transaction', '500')
    .option(
      '--wait <seconds>',
      'how long to wait for every running server to report the new key before refusing',
      '120',
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: { batchSize: string; wait: string; json?: boolean }) => {
      await withConsentry(async (app) => {
        // Issue 10: re-sealing while a server still lacks the new key would break that server's
        // reads; re-sealing while one still seals under the old key would leave values behind.
        const keyId = app.box.currentKeyId;
        const gate = await awaitKeyEverywhere(createInstanceRepository(app.database.db), keyId, {
          waitMs: Math.max(0, Number(opts.wait) || 0) * 1000,
        });
        if (!gate.ready)
          throw new ConsentryError('REWRAP_BLOCKED', {
            detail: `Not every running server holds the new key ${keyId} yet: ${gate.lacking
              .map(
                (i) =>
                  `${i.id} (${i.host}, pid ${i.pid}, current ${i.currentKeyId}, keys from ${i.keySource})`,
              )
              .join(
                '; ',
              )}. Servers using the key file re-read it every KEY_RING_CHECK_SECONDS; servers using SECRET_BOX_KEY need the new value and a restart. Nothing was re-sealed; run rewrap again.`,
          });
        if (!opts.json)
          process.stderr.write(`${gate.live.length} running server(s) hold key ${keyId}; re-sealing.\n`);
        const bar = progressBar();
        const result = await rewrapAll(app.database.db, app.box, {
          batchSize: Math.max(1, Number(opts.batchSize) || 500),
          onProgress: bar,
        });
        bar.end();
        const out = { currentKeyId: app.box.currentKeyId, ...result };
        if (opts.json) printJson(out);
        else
          process.stdout.write(
            `Re-sealed ${result.rewrapped} value(s) under key ${app.box.currentKeyId}; ${result.skipped} changed meanwhile; ${result.remaining} remaining.\n`,
          );
        await app.audit.record({
          action: 'secret_key.rewrap',
          actor: cliAuditActor(),
          target: { type: 'secret_key', id: keyId },
          details: {
            rewrapped: result.rewrapped,
            skipped: result.skipped,
            remaining: result.remaining,
            servers: gate.live.length,
          },
        });
        if (result.remaining > 0)
          throw new ConsentryError('REWRAP_INCOMPLETE', {
            detail: `${result.remaining} value(s) are still sealed under an old key — a server not yet restarted with the new key wrote them. Restart it and run rewrap again.`,
          });
      });
    });

  sk.command('status')
    .description('which keys seal how many stored values')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const config = app.config;
        const ring = currentRing(config);
        const usage = await keyUsage(app.database.db);
        const pending = (await countNotUnderKey(app.database.db, app.box.currentKeyId)).reduce(
          (n, c) => n + c.count,
          0,
        );
        const servers = await createInstanceRepository(app.database.db).live(new Date());
        const out = {
          source: ring.source,
          currentKeyId: app.box.currentKeyId,
          keyIds: ring.keys.map((k) => k.id),
          usage,
          pendingRewrap: pending,
          servers: servers.map((s) => ({
            id: s.id,
            host: s.host,
            pid: s.pid,
            currentKeyId: s.currentKeyId,
            keyIds: s.keyIds,
            keySource: s.keySource,
            heartbeatAt: s.heartbeatAt.toISOString(),
          })),
        };
        if (opts.json) return printJson(out);
        process.stdout.write(`keys from ${out.source}; current ${out.currentKeyId}\n`);
        for (const id of out.keyIds)
          process.stdout.write(
            `  ${id}  ${usage[id] ?? 0} value(s)${id === out.currentKeyId ? '  (current)' : ''}\n`,
          );
        process.stdout.write(`${pending} value(s) to rewrap\n`);
        for (const s of out.servers)
          process.stdout.write(
            `server ${s.id} (${s.host}, pid ${s.pid}): current ${s.currentKeyId}${s.currentKeyId === out.currentKeyId ? '' : '  (not yet the new key)'}\n`,
          );
      });
    });

  sk.command('prune')
    .description('remove old keys that no stored value uses any more (after rewrap)')
    .option('--print-env', 'with SECRET_BOX_KEY: print the new value to set')
    .option('--json', 'machine-readable output')
    .action(async (opts: { printEnv?: boolean; json?: boolean }) => {
      await withConsentry(async (app) => {
        if (app.config.secretBoxKey && !opts.printEnv)
          throw new ConsentryError('CONFIG_INVALID', {
            detail: 'The keys come from SECRET_BOX_KEY; run with --print-env.',
          });
        const change = pruneKeys(app.config, await keyUsage(app.database.db));
        await app.audit.record({
          action: 'secret_key.prune',
          actor: cliAuditActor(),
          target: { type: 'secret_key', id: change.currentKeyId },
          details: { source: change.source, removed: change.removed.length, keys: change.keyIds.length },
        });
        if (opts.json) return printJson(change);
        if (change.envValue) process.stdout.write(`SECRET_BOX_KEY=${change.envValue}\n`);
        else
          process.stdout.write(
            `Removed ${change.removed.length} key(s); ${change.keyIds.length} left (current ${change.currentKeyId}).\n`,
          );
      });
    });
}

/** A progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
function progressBar() {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  let lastLabel = '';
  const fn = (p: RewrapProgress) => {
    const label = `${p.table}.${p.column}`;
    const ratio = p.total === 0 ? 1 : p.done / p.total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${label}`;
    if (tty) process.stderr.write(`\r${line}${label !== lastLabel && lastLabel ? '' : ''}`);
    else {
      const tenth = Math.floor(ratio * 10);
      if (label !== lastLabel || tenth !== lastTenth) process.stderr.write(`${line}\n`);
      lastTenth = tenth;
    }
    if (tty && label !== lastLabel && lastLabel) process.stderr.write('');
    lastLabel = label;
  };
  fn.end = () => {
    if (tty) process.stderr.write('\n');
  };
  return fn;
}
