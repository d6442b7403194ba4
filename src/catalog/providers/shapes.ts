import type { z } from 'zod';
import type { ProviderInput, TemplateFieldSchema } from '../provider.ts';

/**
 * Shapes many entries share, as data: the templated parts of URLs (a customer's subdomain, a
 * host name, one of a few regional hosts) with their validation. An entry calls these instead of
 * repeating the field; the registry validates the result like any other entry data.
 */
type TemplateFieldInput = z.input<typeof TemplateFieldSchema>;

/** Anchored at validation time; one DNS label (RFC 1035 §2.3.1, lower case). */
export const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A host name of DNS labels, with an optional port (normalised by the `host` kind). */
export const HOST_NAME = `(?:${DNS_LABEL}\\.)+[a-z]{2,63}(?::[0-9]{1,5})?`;

/** The customer's own label in `https://{name}.provider.example/…` (a Shopify shop, a Zendesk account). */
export function subdomain(
  name: string,
  label: string,
  description: string,
  example: string,
): TemplateFieldInput {
  return { name, label, description, pattern: DNS_LABEL, examples: [example] };
}

/**
 * A whole host (`https://{name}/…`): a self-hosted or per-customer server. Whatever the
 * administrator pastes (`https://acme.example.com/x`) is reduced to its host.
 */
export function hostName(
  name: string,
  label: string,
  description: string,
  example: string,
): TemplateFieldInput {
  return { name, label, description, pattern: HOST_NAME, kind: 'host', examples: [example] };
}

/** One of a fixed list (a region, an environment, a country domain). */
export function oneOf(
  name: string,
  label: string,
  description: string,
  values: readonly string[],
  defaultValue?: string,
): TemplateFieldInput {
  return {
    name,
    label,
    description,
    pattern: values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    examples: [...values],
    ...(defaultValue ? { default: defaultValue } : {}),
  };
}

/**
 * A provider's sandbox, staging or beta environment: the same entry with its own key, name and
 * the endpoints (or authorization parameters) that differ — derived from the production entry so
 * the two never drift apart by copy. Scopes, templates, client authentication and refresh
 * behaviour are the production entry's.
 */
export function variantOf(
  base: ProviderInput,
  variant: {
    key: string;
    displayName: string;
    endpoints?: Partial<ProviderInput['endpoints']>;
    authorizationParams?: Record<string, string>;
    /** Values only the variant's URLs need (Stripe's sandbox id), after the production entry's. */
    templates?: TemplateFieldInput[];
  },
): ProviderInput {
  return {
    ...base,
    key: variant.key,
    displayName: variant.displayName,
    endpoints: { ...base.endpoints, ...variant.endpoints },
    ...(variant.authorizationParams
      ? { authorizationParams: { ...base.authorizationParams, ...variant.authorizationParams } }
      : {}),
    ...(variant.templates ? { templates: [...(base.templates ?? []), ...variant.templates] } : {}),
  };
}

/**
 * Microsoft Entra ID app-only access (client credentials on the v2.0 endpoint): the products
 * reached through Entra (Microsoft Graph, Business Central, ImmyBot …) differ only in their
 * `.default` scope. Client authentication is the secret in the body; a registered client may use
 * a certificate instead (`private_key_jwt`). Source:
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export function entraAppOnly(input: {
  key: string;
  displayName: string;
  categories: NonNullable<ProviderInput['categories']>;
  /** The resource's `/.default` scope (may name a template: `https://{instance}.immy.bot/.default`). */
  defaultScopes: string[];
  templates?: TemplateFieldInput[];
  docs: NonNullable<ProviderInput['docs']>;
  uncertain?: string[];
}): ProviderInput {
  return {
    key: input.key,
    displayName: input.displayName,
    categories: input.categories,
    protocol: 'oauth2',
    grants: ['client_credentials'],
    endpoints: { token: 'https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token' },
    clientAuth: 'client_secret_post',
    clientCredentials: { defaultScopes: input.defaultScopes },
    templates: [ENTRA_TENANT, ...(input.templates ?? [])],
    refreshToken: { issued: 'never', rotates: false },
    docs: input.docs,
    ...(input.uncertain ? { uncertain: input.uncertain } : {}),
  };
}

/** The directory (tenant) an app-only token is for: its id or a verified domain — never `common`. */
export const ENTRA_TENANT: TemplateFieldInput = {
  name: 'tenant_id',
  label: 'Tenant',
  description:
    'Your Microsoft Entra directory (tenant) id or one of its domains; app-only tokens need a real tenant, not common or organizations.',
  pattern: `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|${HOST_NAME}`,
  examples: ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com'],
};

/**
 * A self-hosted OpenID server reached as plain OAuth (authentik, FusionAuth, Logto, Ory, ZITADEL):
 * the standard OpenID scopes, a refresh token with `offline_access` (rotation is the server's
 * setting), `login` = openid + email + profile. Its API needs `openid`, but the entry has no
 * JWKS to verify the ID token with, so the `ignore-id-token` quirk drops it.
 */
export const SELF_HOSTED_OPENID_SERVER = {
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes: 'A refresh token with offline_access (rotation is a server setting).',
  },
  scopes: [
    { name: 'openid', description: 'Sign in (OpenID Connect).' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'profile', description: 'The user’s basic profile (name, picture).' },
    { name: 'offline_access', description: 'A refresh token, to keep access while the user is away.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  quirks: 'ignore-id-token',
} satisfies Pick<ProviderInput, 'refreshToken' | 'scopes' | 'presets' | 'quirks'>;
