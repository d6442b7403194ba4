import type { Command } from 'commander';
import { OPERATOR } from '../../console/actor.ts';
import { ALL_WEBHOOK_TYPES } from '../../integrations/webhooks.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../../storage/integrations.ports.ts';
import { printJson, printTable, withConsentry } from '../context.ts';

/**
 * `consentry webhooks add|list|remove|enable|disable|deliveries|retry` — signed webhook
 * endpoints for connection events. The signing secret is printed by `add` only, once (it is
 * stored sealed).
 */
export function endpointJson(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    description: e.description ?? null,
    events: e.eventTypes,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
  };
}

export function deliveryJson(d: WebhookDelivery) {
  return {
    id: d.id,
    eventId: d.eventId,
    endpoint: d.endpointId,
    type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus ?? null,
    lastError: d.lastError ?? null,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(/[\s,]+/).filter(Boolean)];

export function registerWebhooksCommands(program: Command): void {
  const hooks = program.command('webhooks').description('signed webhooks for connection events');

  hooks
    .command('add <url>')
    .description('register an endpoint; prints its signing secret ONCE')
    .option('--event <types...>', `only these (default all): ${ALL_WEBHOOK_TYPES.join(', ')}`, list)
    .option('--description <text>', 'what it is for')
    .option('--json', 'machine-readable output')
    .action(async (url: string, opts: { event?: string[]; description?: string; json?: boolean }) => {
      await withConsentry(async (app) => {
        const { endpoint, secret } = await app.integrations.webhooks.create(OPERATOR, {
          url,
          eventTypes: opts.event,
          description: opts.description,
        });
        if (opts.json) return printJson({ ...endpointJson(endpoint), secret });
        process.stdout.write(
          `Webhook endpoint ${endpoint.id} → ${endpoint.url} (${endpoint.eventTypes.join(' ')})\n\n  ${secret}\n\nShown once — the signing secret for verifyWebhook (header Consentry-Signature).\n`,
        );
      });
    });

  hooks
    .command('list')
    .description('endpoints (never their secrets)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (await app.integrations.webhooks.list(OPERATOR)).map(endpointJson);
        if (opts.json) return printJson(rows);
        printTable(
          rows.map((r) => ({ ...r, events: r.events.join(' ') })),
          ['id', 'url', 'events', 'enabled'],
        );
      });
    });

  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    hooks
      .command(`${name} <id>`)
      .description(enabled ? 'send events to the endpoint again' : 'stop queueing events for the endpoint')
      .action(async (id: string) => {
        await withConsentry(async (app) => {
          await app.integrations.webhooks.setEnabled(OPERATOR, id, enabled);
          process.stdout.write(`${enabled ? 'Enabled' : 'Disabled'} ${id}.\n`);
        });
      });

  hooks
    .command('remove <id>')
    .description('delete an endpoint and its delivery log')
    .action(async (id: string) => {
      await withConsentry(async (app) => {
        await app.integrations.webhooks.delete(OPERATOR, id);
        process.stdout.write(`Removed ${id}.\n`);
      });
    });

  hooks
    .command('deliveries')
    .description('the delivery log, newest first')
    .option('--endpoint <id>', 'only this endpoint')
    .option('--limit <n>', 'how many (default 50)', (v) => Number.parseInt(v, 10))
    .option('--json', 'machine-readable output')
    .action(async (opts: { endpoint?: string; limit?: number; json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (
          await app.integrations.webhooks.deliveries(OPERATOR, {
            ...(opts.endpoint ? { endpointId: opts.endpoint } : {}),
            ...(opts.limit ? { limit: opts.limit } : {}),
          })
        ).map(deliveryJson);
        if (opts.json) return printJson(rows);
        printTable(rows, ['createdAt', 'type', 'status', 'attempts', 'lastStatus', 'lastError', 'id']);
      });
    });

  hooks
    .command('retry <deliveryId>')
    .description('queue a failed delivery again')
    .action(async (id: string) => {
      await withConsentry(async (app) => {
        const ok = await app.integrations.webhooks.retry(OPERATOR, id);
        process.stdout.write(ok ? `Queued ${id} again.\n` : `${id} is not a failed delivery.\n`);
      });
    });
}
