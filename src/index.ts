/**
 * Consentry's public library API (seed 004's names, in TypeScript).
 *
 * Embed it: `createConsentry(loadConfig())` wires everything (storage, SecretBox, catalog,
 * OAuth2Client, server). Or assemble the parts yourself from the exports below.
 */
export { type Consentry, type CreateOptions, createConsentry } from './app.ts';
export {
  defineProvider,
  type OAuth2Provider,
  type ProviderInput,
  ProviderSchema,
} from './catalog/provider.ts';
export type { ProviderQuirks } from './catalog/quirks/quirk.ts';
export { ProviderRegistry } from './catalog/registry.ts';
export { type Config, loadConfig } from './config/config.ts';
export { type ConsumerContext, type ConsumerFactory, discoverConsumers } from './consumers/index.ts';
export { MailService } from './consumers/mail/mail-service.ts';
export { SignInService } from './consumers/signin/signin-service.ts';
export {
  type ConnectionEvent,
  ConsumerRegistry,
  type FlowFailedEvent,
  type GrantContext,
  type OAuth2Consumer,
} from './core/consumers.ts';
export { type BeginConsentOptions, OAuth2Client, type OAuth2ClientOptions } from './core/oauth2-client.ts';
export type { Connection, ConnectionStatus, RegisteredClient } from './domain/connection.ts';
export { ConsentryError, ERROR_CATALOGUE, type ErrorCode, isConsentryError } from './domain/errors.ts';
export { OAuth2Token } from './domain/token.ts';
export {
  SIGNATURE_HEADER,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookVerification,
} from './domain/webhook-signature.ts';
export { API_SCOPES, type ApiScope } from './integrations/api-keys.ts';
export { WEBHOOK_EVENT_TYPES, type WebhookEventBody } from './integrations/webhooks.ts';
export { aadFor, SecretBox, type SecretKey, secretKeyFrom } from './secrets/secret-box.ts';
export type { Store } from './storage/ports.ts';
