import { z } from 'zod';
import { ALL_API_SCOPES } from '../../integrations/api-keys.ts';

/**
 * The JSON API's shapes, once: Fastify validates requests (and serialises responses) with them
 * through fastify-type-provider-zod, and @fastify/swagger turns the same objects into the OpenAPI
 * 3.1 document (`z.toJSONSchema`). Ids in `.meta` become `components.schemas` entries.
 */
const isoTime = z.string().describe('ISO 8601 UTC time');

export const Problem = z
  .object({
    type: z.string().describe('URI naming the problem type: urn:consentry:error:<code>'),
    title: z.string().describe('The catalogue message for this code'),
    status: z.number().int(),
    detail: z.string().describe('What went wrong in this case (never a secret)'),
    code: z.string().describe('Stable error code (src/domain/errors.ts)'),
    facts: z.record(z.string(), z.unknown()).optional().describe('Safe structured facts'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Validation errors, one per field'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

export const ConnectionHealth = z
  .enum(['healthy', 'refresh_failing', 'needs_reauth', 'revoked'])
  .describe(
    'healthy: usable; refresh_failing: the last refresh failed transiently (token kept, retried at next_attempt_at); needs_reauth: the user must reconnect; revoked',
  );

export const Connection = z
  .object({
    id: z.string(),
    client_id: z.string().describe('The registered client (Consentry id)'),
    provider: z.string(),
    purpose: z.string(),
    payload: z.record(z.string(), z.unknown()),
    account: z.string().nullable(),
    subject: z.string().nullable(),
    scopes: z.array(z.string()),
    status: z.enum(['active', 'needs_reauth', 'revoked']),
    health: ConnectionHealth,
    cause: z
      .string()
      .nullable()
      .describe('Why the connection is not healthy (status reason or last refresh error); null when healthy'),
    has_refresh_token: z.boolean(),
    expires_at: isoTime.nullable().describe('Access token expiry'),
    refresh_expires_at: isoTime.nullable().describe('Refresh token lapse, where the provider documents one'),
    last_refresh_at: isoTime.nullable(),
    failure_count: z.number().int(),
    next_attempt_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: 'Connection' });

export const ConnectionList = z.object({ connections: z.array(Connection) }).meta({ id: 'ConnectionList' });

export const ConnectionQuery = z.object({
  status: z.enum(['active', 'needs_reauth', 'revoked']).optional(),
  purpose: z.string().max(64).optional(),
  client: z.string().max(200).optional().describe('Registered client id, name or provider/name'),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const AccessToken = z
  .object({
    connection_id: z.string(),
    access_token: z.string(),
    token_type: z.string().describe('Usually Bearer'),
    expires_at: isoTime.nullable(),
    expires_in: z.number().int().nullable().describe('Seconds from now; null when the provider gave none'),
    scopes: z.array(z.string()),
  })
  .meta({ id: 'AccessToken' });

export const ConnectSessionRequest = z
  .object({
    client: z.string().min(1).max(200).describe('Registered client id, name or provider/name'),
    purpose: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,63}$/)
      .describe('A purpose registered in Consentry, or one under "api." (api.crm_sync) for your own service'),
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Returned with the connection and in its webhooks (your user id, …); no secrets'),
    scopes: z.array(z.string().min(1).max(200)).max(50).optional(),
    preset: z.string().max(64).optional().describe('A named scope set of the provider (mail, calendar…)'),
  })
  .strict()
  .meta({ id: 'ConnectSessionRequest' });

export const ConnectSession = z
  .object({
    id: z.string(),
    url: z.string().describe('One-time link: send the end user there (valid 10 minutes, single use)'),
    expires_at: isoTime,
  })
  .meta({ id: 'ConnectSession' });

export const Client = z
  .object({
    id: z.string(),
    provider: z.string(),
    name: z.string(),
    client_id: z.string().describe('The client id at the provider'),
    has_client_secret: z.boolean(),
    template_values: z.record(z.string(), z.string()),
    redirect_uri: z.string().describe('The Redirect URL to register at the provider'),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: 'Client' });

export const ClientList = z.object({ clients: z.array(Client) }).meta({ id: 'ClientList' });

export const ClientUpdate = z
  .object({
    name: z.string().min(1).max(100).optional(),
    client_id: z.string().min(1).max(500).optional(),
    client_secret: z.string().min(1).max(4096).optional().describe('Write-only; omitted = unchanged'),
    template_values: z.record(z.string(), z.string().max(500)).optional(),
  })
  .strict()
  .meta({ id: 'ClientUpdate' });

export const OpenApiDocument = z.record(z.string(), z.unknown()).describe('This document');

export const API_SCOPE_LIST = ALL_API_SCOPES;
