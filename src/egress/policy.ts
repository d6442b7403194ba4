import ipaddr from 'ipaddr.js';
import { ConsentryError } from '../domain/errors.ts';

/**
 * The egress policy: which addresses and schemes an outbound request may use (SECURITY.md,
 * "Outbound requests"). Pure rules, no I/O; `egress.ts` applies them at connect time.
 *
 * - Public unicast addresses are always allowed. Loopback, private (RFC 1918, ULA), link-local
 *   (incl. the cloud metadata address 169.254.169.254 and fd00:ec2::254), carrier-grade NAT,
 *   multicast, unspecified, reserved and translation ranges are refused — anything a non-operator
 *   can type (a console field, a discovery document, a mail host) could otherwise reach them.
 * - The operator opens exceptions explicitly: `EGRESS_ALLOW=10.0.0.0/8,mail.internal:993,127.0.0.1`
 *   (CIDR ranges, addresses or host names, each with an optional `:port`). The operator's own
 *   settings (PUBLIC_BASE_URL — the built-in demo provider —, SMTP_URL, the demo mail servers) are
 *   added by the composition root: they are the operator's choice, not a user's.
 * - Plain `http:` only to a loopback host that the rules allow (a test stand-in, a local
 *   provider), or to the operator's own public origin; everything else must be https.
 */
export type EgressRule =
  | { kind: 'range'; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; port?: number | undefined; text: string }
  | { kind: 'host'; host: string; port?: number | undefined; text: string };

export interface EgressPolicy {
  /** Operator exceptions (EGRESS_ALLOW plus the operator's own configured endpoints). */
  rules: readonly EgressRule[];
  /** Origins (`scheme://host:port`) the operator runs (PUBLIC_BASE_URL): plain http allowed. */
  trustedOrigins: readonly string[];
}

/**
 * Parses `EGRESS_ALLOW`: comma-separated entries `10.0.0.0/8`, `192.0.2.7`, `[::1]:8080`,
 * `mail.internal:993`, `localhost`. Throws CONFIG_INVALID naming the entry that is not one.
 */
export function parseEgressAllow(value: string | undefined): EgressRule[] {
  const out: EgressRule[] = [];
  for (const raw of (value ?? '').split(',')) {
    const text = raw.trim();
    if (!text) continue;
    const rule = parseRule(text);
    if (!rule)
      throw new ConsentryError('CONFIG_INVALID', {
        detail: `EGRESS_ALLOW: “${text}” is not a range, address or host[:port].`,
      });
    out.push(rule);
  }
  return out;
}

function parseRule(text: string): EgressRule | undefined {
  let host = text;
  let port: number | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracket) {
    host = bracket[1]!;
    port = bracket[2] ? Number(bracket[2]) : undefined;
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const i = text.lastIndexOf(':');
    if (!/^\d{1,5}$/.test(text.slice(i + 1))) return undefined;
    host = text.slice(0, i);
    port = Number(text.slice(i + 1));
  }
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  if (host.includes('/')) {
    if (!ipaddr.isValidCIDR(host)) return undefined;
    return { kind: 'range', range: normalizeCidr(ipaddr.parseCIDR(host)), port, text };
  }
  if (ipaddr.isValid(host)) {
    const ip = ipaddr.process(host);
    return { kind: 'range', range: [ip, ip.kind() === 'ipv4' ? 32 : 128], port, text };
  }
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/.test(host))
    return undefined;
  return { kind: 'host', host: host.toLowerCase().replace(/\.$/, ''), port, text };
}

function normalizeCidr([ip, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  // `::ffff:10.0.0.0/104` means the IPv4 range; addresses are compared after process() too.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(ip as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [ip, bits];
}

/** A rule for an operator-configured endpoint (host and port of a URL the operator set). */
export function operatorRule(host: string, port: number): EgressRule {
  const bare = host.replace(/^\[|\]$/g, '');
  const rule = parseRule(
    ipaddr.isValid(bare) && bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`,
  );
  if (!rule) throw new ConsentryError('CONFIG_INVALID', { detail: `“${host}” is not a host name.` });
  return rule;
}

/**
 * True when an address is one a request must not reach without an operator exception: anything
 * but public unicast (IPv4-mapped IPv6 is judged as the IPv4 address it carries).
 */
export function isInternalAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== 'unicast';
}

/** Whether a rule opens `address` (resolved from `host`) on `port`. */
function ruleMatches(rule: EgressRule, host: string, address: string | undefined, port: number): boolean {
  if (rule.port !== undefined && rule.port !== port) return false;
  if (rule.kind === 'host') return rule.host === normalizeHost(host);
  if (address === undefined || !ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  const [range, bits] = rule.range;
  return ip.kind() === range.kind() && ip.match(range, bits);
}

export function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * The address check made at connect time on every resolved address. Throws EGRESS_REFUSED (with
 * the host, never the address list of a user's probe) when the address is internal and no rule
 * opens it.
 */
export function assertAddressAllowed(
  policy: EgressPolicy,
  host: string,
  address: string,
  port: number,
): void {
  if (!isInternalAddress(address)) return;
  if (policy.rules.some((r) => ruleMatches(r, host, address, port))) return;
  throw new ConsentryError('EGRESS_REFUSED', {
    detail: `${normalizeHost(host)}:${port} is an internal address; outbound requests may not reach it unless the operator allows it (EGRESS_ALLOW).`,
    facts: { host: normalizeHost(host).slice(0, 253), port },
  });
}

export function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

export function isLoopbackHost(host: string): boolean {
  const h = normalizeHost(host);
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return true;
  return ipaddr.isValid(h) && ipaddr.process(h).range() === 'loopback';
}

/**
 * Plain http is allowed for one URL only when it goes to the operator's own origin, or to a
 * loopback host the rules allow (checked per URL: a discovery document on loopback cannot make
 * its `jwks_uri` or UserInfo endpoint elsewhere plain http).
 */
export function allowsPlainHttp(policy: EgressPolicy, url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  if (policy.trustedOrigins.includes(url.origin)) return true;
  if (!isLoopbackHost(url.hostname)) return false;
  const host = normalizeHost(url.hostname);
  const port = defaultPort(url);
  const literal = ipaddr.isValid(host) ? host : '127.0.0.1';
  return policy.rules.some((r) => ruleMatches(r, host, literal, port));
}

/** Scheme rule for one URL: https, or http where `allowsPlainHttp` says so. Throws EGRESS_REFUSED. */
export function assertSchemeAllowed(policy: EgressPolicy, url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && allowsPlainHttp(policy, url)) return;
  throw new ConsentryError('EGRESS_REFUSED', {
    detail: `${url.protocol}//${url.host} is refused: outbound requests use https (plain http only to an allowed loopback address).`,
    facts: { host: url.hostname.slice(0, 253), port: defaultPort(url), reason: 'scheme' },
  });
}
