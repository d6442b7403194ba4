import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers for every page Consentry renders, from @fastify/helmet (issue 10, finding 12):
 * CSP (self only, no inline code, no framing, forms only to ourselves), X-Frame-Options DENY,
 * nosniff, no referrer, and Strict-Transport-Security when the public URL is https (one year; not
 * `includeSubDomains`, which would bind sibling hosts the operator may not serve over TLS). Helmet's
 * default CSP is not used: its `upgrade-insecure-requests` would break http://localhost.
 * The demo provider (`/demo/*`) is handed over before Fastify's reply and sets its own headers.
 */
export async function addSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

/** The one policy; `formAction` is the form-action source list. */
export function contentSecurityPolicy(formAction: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action ${formAction}; base-uri 'none'; object-src 'none'`;
}
