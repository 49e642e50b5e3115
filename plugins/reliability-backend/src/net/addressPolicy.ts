import ipaddr from 'ipaddr.js';

/**
 * What an outbound request may connect to, besides globally routable unicast addresses.
 *
 * @internal
 */
export interface AddressPolicyOptions {
  /**
   * Also allow loopback, link-local, private (RFC 1918), unique-local (fc00::/7) and carrier-grade
   * NAT (100.64/10) addresses. Multicast, broadcast, unspecified and reserved addresses stay
   * refused: nothing answers an HTTP request there, and `0.0.0.0` reaches the local host.
   */
  allowPrivateNetworks?: boolean;
  /**
   * CIDR ranges allowed whatever their kind, e.g. `10.20.0.0/16` for one internal network, so that
   * an installation need not open every private range at once.
   */
  allowedRanges?: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

const PRIVATE_RANGES = new Set<string>([
  'loopback',
  'linkLocal',
  'private',
  'uniqueLocal',
  'carrierGradeNat',
]);

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback',
  linkLocal: 'a link-local',
  private: 'a private',
  uniqueLocal: 'a unique-local',
  carrierGradeNat: 'a carrier-grade NAT',
  multicast: 'a multicast',
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
};

/**
 * Parses CIDR ranges from config; throws naming the bad entry.
 *
 * @internal
 */
export function parseAddressRanges(
  ranges: readonly string[],
): Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> {
  return ranges.map(range => {
    try {
      if (range.includes('/')) {
        return ipaddr.parseCIDR(range);
      }
      const ip = ipaddr.parse(range);
      return [ip, ip.kind() === 'ipv4' ? 32 : 128];
    } catch {
      throw new Error(`'${range}' is not an IP address or CIDR range`);
    }
  });
}

function matchesAny(
  ip: ipaddr.IPv4 | ipaddr.IPv6,
  ranges: AddressPolicyOptions['allowedRanges'],
): boolean {
  return (ranges ?? []).some(
    ([network, bits]) =>
      network.kind() === ip.kind() && ip.match(network, bits),
  );
}

/**
 * Why a request must not connect to `address`, or `undefined` when it may. Only globally routable
 * unicast addresses pass by default. IPv4-mapped (`::ffff:10.0.0.1`) and IPv4-compatible IPv6
 * addresses are judged by the IPv4 address they carry; NAT64, 6to4 and Teredo addresses, which
 * can also reach IPv4 hosts, are refused.
 *
 * @internal
 */
export function addressRefusal(
  address: string,
  options: AddressPolicyOptions = {},
): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `'${address}' is not an IP address`;
  }
  let ip = parsed;
  let mapped = '';
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
    mapped = ` (IPv4-mapped ${ip.toString()})`;
  }
  if (matchesAny(ip, options.allowedRanges)) {
    return undefined;
  }
  const range: string = ip.range();
  if (range === 'unicast') {
    return undefined;
  }
  if (options.allowPrivateNetworks && PRIVATE_RANGES.has(range)) {
    return undefined;
  }
  const name = RANGE_NAMES[range];
  return `address ${address}${mapped} is ${
    name ?? `not a public unicast (${range})`
  } address`;
}
