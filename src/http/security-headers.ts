import type { FastifyInstance } from 'fastify';

/** CSP, clickjacking and referrer protection for every page Consentry itself renders. */
export function addSecurityHeaders(app: FastifyInstance, options: { skipPrefix: string }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(options.skipPrefix)) return payload;
    // A page may widen `form-action` itself (the reconnect landing and the provider role's consent
    // page answer a POST with a redirect to another origin, which Chrome checks against
    // form-action too): keep its policy then; nothing else differs.
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', contentSecurityPolicy("'self'"));
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
}

/** The one policy; `formAction` is the form-action source list. */
export function contentSecurityPolicy(formAction: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action ${formAction}; base-uri 'none'; object-src 'none'`;
}
