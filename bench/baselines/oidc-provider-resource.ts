/**
 * oidc-provider's RFC 8707 resource indicators configured for the same job as Consentry's token
 * endpoint in both baselines (client credentials and refresh): every token is for `resource`,
 * scope `participants:read`, a one-hour RFC 9068 JWT signed with `alg`.
 */
export function jwtResourceIndicators(resource: string, alg: 'ES256' | 'RS256') {
  return {
    enabled: true,
    defaultResource: () => resource,
    useGrantedResource: () => true,
    getResourceServerInfo: () => ({
      scope: 'participants:read',
      audience: resource,
      accessTokenTTL: 3600,
      accessTokenFormat: 'jwt' as const,
      jwt: { sign: { alg } },
    }),
  };
}
