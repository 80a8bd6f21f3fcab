import { type LookupAddress, lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a link check must never reach from inside the deployment (SSRF): loopback, private
 * networks, link-local (169.254.169.254 is the cloud's metadata service), carrier-grade NAT, multicast,
 * reserved and documentation ranges, and IPv6 forms that wrap an IPv4 address (BlockList checks an
 * IPv4-mapped address `::ffff:a.b.c.d` against the IPv4 ranges itself; NAT64 `64:ff9b::/96` is listed).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

/** True for an address a link check may not reach (see BLOCKED); anything that is not an IP address counts as blocked. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Resolves a host name to all its addresses (the system resolver in production, a fake in tests). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** The error a guarded lookup fails with: the name resolves to an address the check may not reach. */
export class BlockedTargetError extends Error {
  readonly code = 'EBLOCKEDTARGET';

  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an address that may not be checked`);
    this.name = 'BlockedTargetError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves once and refuses the connection when ANY address of the name
 * is blocked. The socket then connects to an address this very lookup returned, so a name cannot pass
 * the check with a public address and connect to a private one (DNS rebinding).
 */
export function guardedLookup(resolver: Resolver, allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolver(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        if (!allowPrivate && addresses.some((entry) => isBlockedAddress(entry.address))) return callback(new BlockedTargetError(hostname), '', 0);
        const [first] = addresses;
        if (options.all === true || first === undefined) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
