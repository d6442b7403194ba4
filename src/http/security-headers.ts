import type { FastifyInstance } from 'fastify';

/** CSP, clickjacking and referrer protection for every page Consentry itself renders. */
export function addSecurityHeaders(app: FastifyInstance, options: { skipPrefix: string }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(options.skipPrefix)) return payload;
    // A page may widen one directive itself (the consent page's form-action names the redirect
    // target its POST answers with a redirect to): keep its policy then.
    if (!reply.hasHeader('content-security-policy'))
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
      );
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
}
