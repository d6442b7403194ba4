import { z } from 'zod';
import { CAUSES_BY_OUTCOME, HEALTH_CAUSES } from '../domain/connection-health.ts';

/**
 * A provider's static identity, as data (seed 004's OAuth2Provider).
 *
 * URL fields may contain `{name}` placeholders filled from the registered client's template
 * values (a Microsoft tenant, a Mastodon instance, a Keycloak realm …); each placeholder must be
 * declared in `templates`, which says how to validate it. Behaviour that cannot be data lives in
 * a quirk module named by `quirks` (see ./quirks/), never in shared code.
 */
const templatedUrl = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      const u = new URL(s.replace(/^\{[a-z_]+\}/, 'https://x').replace(/\{[a-z_]+\}/g, 'x'));
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL, optionally with {placeholders}');

export const TemplateFieldSchema = z.object({
  name: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1),
  description: z.string().min(1),
  /** Regular expression (anchored) the value must match. */
  pattern: z.string().min(1),
  default: z.string().optional(),
  examples: z.array(z.string()).default([]),
  /**
   * How the value enters URLs: `text` as-is; `host` a bare host name taken from whatever the admin
   * pasted; `origin` scheme + host (+ port) such as `https://mastodon.social` (http only on
   * loopback); `url` a whole http(s) URL without query or fragment (an endpoint); `base` the same
   * with trailing slashes removed, for a prefix the entry appends paths to (a Keycloak server).
   */
  kind: z.enum(['text', 'host', 'origin', 'url', 'base']).default('text'),
  /** An optional value may be left empty (the `custom` provider's revocation URL). */
  optional: z.boolean().default(false),
  /**
   * What a value stands for inside URLs, when that differs from the value itself: Zoho's data
   * centre `ca` is the host `accounts.zohocloud.ca`, not `accounts.zoho.ca`. Values not listed
   * enter URLs as they are.
   */
  urlValues: z.record(z.string(), z.string()).optional(),
});

/** RFC 7591 §2 `token_endpoint_auth_method` values Consentry can use as a client. */
export const CLIENT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
  'none',
] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/**
 * A redirect parameter naming the token host of this user's account (Zoho multi-DC:
 * `accounts-server=https://accounts.zoho.eu`). The code is exchanged there, and the connection's
 * refreshes and revocation go there too; a value outside `allowed` is refused before any request.
 */
export const TokenHostSchema = z.object({
  /** The redirect parameter (Zoho `accounts-server`). */
  param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/),
  /** Every origin (`https://host`) the parameter may name, from the provider's own table. */
  allowed: z.array(z.url().refine((u) => new URL(u).origin === u, 'an origin: scheme://host')).min(1),
});

/**
 * What a provider is for, as administrators browse the catalog (`providers list --category crm`,
 * the console's providers page). An entry has one or more; the first is its main one.
 */
export const CATEGORIES = [
  'accounting',
  'analytics',
  'ats',
  'banking',
  'cms',
  'communication',
  'crm',
  'design',
  'dev-tools',
  'e-commerce',
  'erp',
  'gaming',
  'hr',
  'iam',
  'invoicing',
  'knowledge-base',
  'legal',
  'marketing',
  'mcp',
  'other',
  'payment',
  'popular',
  'productivity',
  'social',
  'sports',
  'storage',
  'support',
  'surveys',
  'ticketing',
  'video',
] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.output<typeof CategorySchema>;

export const ScopeSchema = z.object({ name: z.string().min(1), description: z.string().min(1) });

/**
 * Revocation through the provider's own API, when it is not RFC 7009 (`endpoints.revocation`):
 * which token, where it goes, which HTTP method, which answers mean done. Read by
 * `revocationRequest` (./revocation.ts); a provider with neither this nor an RFC 7009 endpoint is
 * only forgotten locally on disconnect.
 */
export const RevocationApiSchema = z.object({
  /** Endpoint (templated like the others). */
  url: templatedUrl,
  method: z.enum(['POST', 'DELETE']).default('POST'),
  /** The token the call revokes: the access token (Dropbox, Slack, Strava, Todoist) or the refresh token (HubSpot). */
  token: z.enum(['access', 'refresh']).default('access'),
  /**
   * Where it goes: `bearer` an `Authorization: Bearer` header (Dropbox, Slack), `path` one more
   * path segment (HubSpot), `form` a form-encoded body field, `query` a query parameter.
   */
  tokenIn: z.enum(['bearer', 'path', 'form', 'query']),
  /** Name of the body or query field for `form` / `query`. */
  tokenParam: z.string().min(1).default('token'),
  /** Client credentials: none, or `client_id` + `client_secret` as query parameters (Todoist). */
  clientAuth: z.enum(['none', 'query']).default('none'),
  /** HTTP statuses that mean the token is revoked. */
  okStatus: z.array(z.number().int().min(200).max(299)).default([200, 204]),
});

/**
 * One documented way a provider says how a token request ended (issue 11), as data: which answers
 * it matches (every given condition must hold), what that means, and where the provider says so.
 * Read by `matchErrorMapping` (./error-mappings.ts); the core's classifier applies the first match
 * before the RFC 6749 §5.2 defaults. `example` is the provider's documented answer: a test is
 * generated per mapping that sends it through the whole refresh path against a stand-in.
 */
export const ErrorMappingSchema = z
  .object({
    when: z
      .object({
        /** HTTP statuses (the answer's, before any quirk reshaped it). */
        status: z.array(z.number().int().min(200).max(599)).optional(),
        /** The OAuth `error` code (after the provider's quirk module, if any, reshaped the body). */
        error: z.string().min(1).optional(),
        /** Case-insensitive text in `error_description` (Microsoft `AADSTS70008:`). */
        descriptionIncludes: z.string().min(1).optional(),
        /** A field of a non-OAuth JSON body, dotted path (`status`, `Fault.Error.0.code`). */
        field: z
          .string()
          .regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/)
          .optional(),
        /** The string value `field` must have. */
        equals: z.string().optional(),
      })
      .refine((w) => Object.values(w).some((v) => v !== undefined), 'a mapping needs a condition')
      .refine((w) => (w.field === undefined) === (w.equals === undefined), 'field and equals go together'),
    outcome: z.enum(['transient', 'grant_dead', 'client_invalid']),
    cause: z.enum(HEALTH_CAUSES),
    /** Where the mapping applies: the refresh, the code exchange, or both. */
    stage: z.enum(['refresh', 'exchange', 'both']).default('both'),
    /** The provider's documentation of this answer. */
    docs: z.url(),
    example: z.object({
      status: z.number().int().min(200).max(599),
      body: z.record(z.string(), z.unknown()),
      headers: z.record(z.string(), z.string()).optional(),
    }),
  })
  .superRefine((m, ctx) => {
    if (!CAUSES_BY_OUTCOME[m.outcome].includes(m.cause))
      ctx.addIssue({ code: 'custom', message: `cause ${m.cause} does not fit outcome ${m.outcome}` });
  });

/**
 * Grants Consentry can run as a client of the provider: `authorization_code` (RFC 6749 §4.1, a
 * person consents), `client_credentials` (RFC 6749 §4.4, the registered client acts for itself:
 * no person, no refresh token — a new token is requested before expiry) and `jwt_bearer`
 * (RFC 7523 §2.1, a signed assertion, e.g. a Google service account acting for a user of its
 * domain).
 */
export const CLIENT_GRANTS = ['authorization_code', 'client_credentials', 'jwt_bearer'] as const;
export type ClientGrant = (typeof CLIENT_GRANTS)[number];

/**
 * How the provider runs the client-credentials grant (RFC 6749 §4.4), when `grants` lists it.
 * The token endpoint is `token` when given, else `endpoints.token`; client authentication is the
 * entry's `clientAuth` (a registered client may override it, e.g. `private_key_jwt`).
 */
export const ClientCredentialsSchema = z.object({
  /** Token endpoint for this grant, when it differs from `endpoints.token` (templated). */
  token: templatedUrl.optional(),
  /**
   * Scopes requested when the administrator names none (Microsoft app-only:
   * `https://graph.microsoft.com/.default`); empty = send no `scope`. May hold `{placeholders}`
   * (a per-client resource: `https://{environment}/.default`).
   */
  defaultScopes: z.array(z.string().min(1)).default([]),
  /**
   * The `grant_type` value, when the provider gives its two-legged client grant another name
   * (Zoom Server-to-Server OAuth: `account_credentials`); default `client_credentials`.
   */
  grantType: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]+$/)
    .default('client_credentials'),
  /**
   * Extra token-request parameters (an `audience`, an RFC 8707 `resource`, an `account_id` …),
   * templated like `tokenParams`; the engine owns `grant_type`, `scope` and client authentication.
   */
  tokenParams: z.record(z.string(), z.string()).default({}),
  notes: z.string().optional(),
});
export type ClientCredentials = z.output<typeof ClientCredentialsSchema>;

export const ProviderSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    displayName: z.string().min(1),
    /** What it is for; every catalog entry names its own (test/catalog/schema.test.ts). */
    categories: z.array(CategorySchema).min(1).default(['other']),
    /** `oidc` providers get nonce + full ID-token validation when `openid` is requested. */
    protocol: z.enum(['oauth2', 'oidc']),
    /** Issuer identifier (templated). With `discovery`, endpoints come from its metadata. */
    issuer: templatedUrl.optional(),
    discovery: z.boolean().default(false),
    /** Grants this entry supports as a client (CLIENT_GRANTS); most entries: authorization code only. */
    grants: z.array(z.enum(CLIENT_GRANTS)).min(1).default(['authorization_code']),
    /** The client-credentials grant's details; required when `grants` lists `client_credentials`. */
    clientCredentials: ClientCredentialsSchema.optional(),
    endpoints: z
      .object({
        authorization: templatedUrl.optional(),
        token: templatedUrl.optional(),
        /** Where refresh requests go, when not the token endpoint (Figma, Threads, Instagram …). */
        refresh: templatedUrl.optional(),
        revocation: templatedUrl.optional(),
        userinfo: templatedUrl.optional(),
        jwks: templatedUrl.optional(),
        /** RFC 9126 pushed authorization request endpoint (discovery: from the metadata). */
        par: templatedUrl.optional(),
      })
      .default({}),
    /**
     * Preferred client authentication (RFC 7591 §2). With discovery, the metadata's
     * `token_endpoint_auth_methods_supported` may pick another; a registered client may override both.
     */
    clientAuth: z.enum(CLIENT_AUTH_METHODS).default('client_secret_basic'),
    /** PKCE S256 on every flow unless the provider is known to reject it. */
    pkce: z.boolean().default(true),
    /** RFC 9207: the provider returns `iss` on the authorization response. */
    issParameter: z.boolean().default(false),
    /**
     * Every `iss` value the provider documents for its ID tokens, when there are several (Google:
     * `https://accounts.google.com` and `accounts.google.com`). When set, an ID token's `iss` must be one of these (the issuer among them); empty = the issuer only.
     */
    idTokenIssuers: z.array(z.string().min(1)).default([]),
    /** Per-user token host named by the authorization response (see TokenHostSchema). */
    tokenHost: TokenHostSchema.optional(),
    /**
     * RFC 9449 DPoP: `true` binds tokens even when there is no metadata saying so (a static
     * entry); metadata listing `dpop_signing_alg_values_supported` turns it on regardless. (PAR,
     * RFC 9126, is used whenever there is a PAR endpoint: the metadata's, or `endpoints.par`.)
     */
    dpop: z.boolean().default(false),
    scopeSeparator: z.string().min(1).default(' '),
    /**
     * Extra authorization-request parameters (Google access_type=offline + prompt=consent, …);
     * values may hold `{placeholders}` filled from the registered client's template values.
     */
    authorizationParams: z.record(z.string(), z.string()).default({}),
    /**
     * Extra token-request parameters sent with both the code exchange and every refresh (an
     * Azure `resource`, a BigCommerce `context` …), templated like authorizationParams.
     */
    tokenParams: z.record(z.string(), z.string()).default({}),
    /**
     * Encoding of token-request bodies: `form` (RFC 6749 §4.1.3) or `json` (Notion, Braintree,
     * Cal.com …): the same fields as a JSON object, with the client authentication unchanged.
     */
    tokenRequestBody: z.enum(['form', 'json']).default('form'),
    templates: z.array(TemplateFieldSchema).default([]),
    refreshToken: z
      .object({
        /** When a refresh token is issued at all. */
        issued: z.enum(['always', 'with_scope', 'with_param', 'never', 'unknown']).default('always'),
        rotates: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
        /** Documented lifetime, when there is one (Google Testing status: 7 days). */
        lifetimeDays: z.number().positive().optional(),
        /**
         * The lifetime applies only to registered clients whose template values are these (Google:
         * `{ publishing_status: 'testing' }`); a field left empty counts as its template default.
         */
        lifetimeWhen: z.record(z.string(), z.string()).optional(),
        /**
         * Token-response fields that give the refresh token's remaining lifetime in seconds
         * (GitHub `refresh_token_expires_in`, Intuit `x_refresh_token_expires_in`); they win over
         * `lifetimeDays`. Both of those names are always read; list others here.
         */
        expiresInFields: z.array(z.string().regex(/^[A-Za-z0-9_]+$/)).default([]),
        notes: z.string().optional(),
      })
      .default({ issued: 'always', rotates: 'unknown', expiresInFields: [] }),
    /** Documented error answers of the token endpoint and what they mean (ErrorMappingSchema). */
    errors: z.array(ErrorMappingSchema).default([]),
    /**
     * Connection extras that name the account for providers without an ID token (Slack
     * `team_id` + `authed_user_id`, QuickBooks `realmId`): a reconnect must bring the same values.
     */
    accountFields: z.array(z.string()).default([]),
    /** The provider's own revocation call, when it is not RFC 7009 (see RevocationApiSchema). */
    revocation: RevocationApiSchema.optional(),
    /** Token-response fields worth keeping on the connection (Salesforce `instance_url`). */
    keepResponseFields: z.array(z.string()).default([]),
    /**
     * Parameters of the redirect back to the callback kept on the connection's extras, when the
     * provider puts account facts there instead of in the token response (QuickBooks `realmId`).
     */
    keepCallbackParams: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/)).default([]),
    scopes: z.array(ScopeSchema).default([]),
    /** Named scope sets per purpose (mail, login, calendar, files). */
    presets: z.record(z.string(), z.array(z.string())).default({}),
    docs: z
      .object({
        registerUrl: z.url().optional(),
        steps: z.array(z.string()).default([]),
        notes: z.array(z.string()).default([]),
      })
      .default({ steps: [], notes: [] }),
    /** Facts taken from weak sources, shown to administrators as such. */
    uncertain: z.array(z.string()).default([]),
    /**
     * Whether an account at this provider may sign in to Consentry's console (issue 10,
     * finding 1). False for the built-in demo provider, which accepts any name and password.
     */
    consoleSignIn: z.boolean().default(true),
    /** Name of the quirk module in ./quirks/ (usually the key). */
    quirks: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    const authorizationCode = p.grants.includes('authorization_code');
    if (!p.discovery && authorizationCode && (!p.endpoints.authorization || !p.endpoints.token)) {
      ctx.addIssue({
        code: 'custom',
        message: 'authorization and token endpoints are required without discovery',
      });
    }
    if (p.grants.includes('client_credentials')) {
      if (!p.clientCredentials)
        ctx.addIssue({
          code: 'custom',
          message: 'grants lists client_credentials: clientCredentials is required',
        });
      else if (!p.discovery && !p.clientCredentials.token && !p.endpoints.token)
        ctx.addIssue({ code: 'custom', message: 'client_credentials needs a token endpoint' });
      for (const name of ['grant_type', 'scope', 'client_id', 'client_secret', 'client_assertion']) {
        if (p.clientCredentials && name in p.clientCredentials.tokenParams)
          ctx.addIssue({ code: 'custom', message: `clientCredentials.tokenParams may not set ${name}` });
      }
    } else if (p.clientCredentials) {
      ctx.addIssue({
        code: 'custom',
        message: 'clientCredentials given but grants does not list client_credentials',
      });
    }
    if (p.grants.includes('jwt_bearer') && !p.discovery && !p.endpoints.token)
      ctx.addIssue({ code: 'custom', message: 'jwt_bearer needs a token endpoint' });
    if (p.discovery && !p.issuer) ctx.addIssue({ code: 'custom', message: 'discovery needs an issuer' });
    const declared = new Set(p.templates.map((t) => t.name));
    const urls = [
      p.issuer,
      ...Object.values(p.endpoints),
      p.revocation?.url,
      ...Object.values(p.authorizationParams),
      ...Object.values(p.tokenParams),
      p.clientCredentials?.token,
      ...Object.values(p.clientCredentials?.tokenParams ?? {}),
      ...(p.clientCredentials?.defaultScopes ?? []),
    ].filter((u): u is string => typeof u === 'string');
    for (const url of urls) {
      for (const m of url.matchAll(/\{([a-z_]+)\}/g)) {
        if (!declared.has(m[1]!))
          ctx.addIssue({ code: 'custom', message: `placeholder {${m[1]}} is not declared` });
      }
    }
    for (const name of Object.keys(p.refreshToken.lifetimeWhen ?? {})) {
      if (!declared.has(name))
        ctx.addIssue({ code: 'custom', message: `lifetimeWhen names undeclared template ${name}` });
    }
    // The engine owns these request parameters; an entry may not set them.
    const owned = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce'];
    for (const name of [...owned, 'code_challenge', 'code_challenge_method']) {
      if (name in p.authorizationParams)
        ctx.addIssue({ code: 'custom', message: `authorizationParams may not set ${name}` });
    }
    for (const name of [...owned, 'grant_type', 'code', 'code_verifier', 'refresh_token', 'client_secret']) {
      if (name in p.tokenParams) ctx.addIssue({ code: 'custom', message: `tokenParams may not set ${name}` });
    }
    const reserved = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri'];
    for (const name of p.keepCallbackParams) {
      if (reserved.includes(name))
        ctx.addIssue({ code: 'custom', message: `keepCallbackParams may not keep ${name}` });
    }
    // An oauth2 entry cannot verify ID tokens: a preset asking for `openid` needs a JWKS, or a
    // quirk module that deals with the ID token (ignore-id-token).
    if (p.protocol === 'oauth2' && !p.endpoints.jwks && !p.quirks) {
      for (const [preset, scopes] of Object.entries(p.presets)) {
        if (scopes.includes('openid'))
          ctx.addIssue({
            code: 'custom',
            message: `preset ${preset} asks for openid but nothing verifies ID tokens`,
          });
      }
    }
    const known = new Set(p.scopes.map((s) => s.name));
    for (const [preset, scopes] of Object.entries(p.presets)) {
      for (const s of scopes) {
        if (known.size > 0 && !known.has(s)) {
          ctx.addIssue({ code: 'custom', message: `preset ${preset} uses undeclared scope ${s}` });
        }
      }
    }
  });

/**
 * Another name for a provider whose OAuth shape is the same as an entry's (Gmail and Google
 * Calendar are Google; Outlook is Microsoft): it lists under its own name and categories and
 * resolves to the entry, optionally with one of the entry's presets as its default purpose. An
 * alias is never a copy of the entry's data.
 */
export const ProviderAliasSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The entry it stands for. */
  of: z.string().min(1),
  displayName: z.string().min(1),
  categories: z.array(CategorySchema).min(1),
  /** One of the entry's presets, suggested first for this name (Gmail → `mail`). */
  preset: z.string().optional(),
  /** Scopes this product needs beyond the entry's presets, as the provider names them. */
  scopes: z.array(ScopeSchema).default([]),
  docsUrl: z.url().optional(),
});

export type ProviderAliasInput = z.input<typeof ProviderAliasSchema>;
export type ProviderAlias = z.output<typeof ProviderAliasSchema>;

export type ProviderInput = z.input<typeof ProviderSchema>;
export type OAuth2Provider = z.output<typeof ProviderSchema>;
export type TemplateField = z.output<typeof TemplateFieldSchema>;
export type RevocationApi = z.output<typeof RevocationApiSchema>;
export type ErrorMapping = z.output<typeof ErrorMappingSchema>;

/**
 * Whether a person can consent at this provider (an authorization endpoint, a consent URL, a
 * "Connect" button, console sign-in). False for entries that list only client credentials.
 */
export function supportsConsent(p: Pick<OAuth2Provider, 'grants'>): boolean {
  return p.grants.includes('authorization_code');
}

/** Identity helper so provider files get type checking without importing zod. */
export function defineProvider(input: ProviderInput): ProviderInput {
  return input;
}

/** Identity helper for the aliases data file. */
export function defineAliases(input: ProviderAliasInput[]): ProviderAliasInput[] {
  return input;
}
