import { Config } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';
import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns/promises';
import {
  AddressPolicyOptions,
  addressRefusal,
  parseAddressRanges,
} from './addressPolicy';
import { HostAllowList, normalizeHost } from './HostAllowList';

/**
 * A request the guard does not let through: a scheme other than http(s), a host that is not on the
 * allow-list, or a host that resolves to an address that must not be reached. It is a matter of
 * configuration, not a failure of the target, so callers report it rather than count it as one.
 *
 * @internal
 */
export class RequestRefusedError extends CustomErrorBase {
  name = 'RequestRefusedError' as const;
}

/**
 * One resolved address, as `dns.lookup` gives it.
 *
 * @internal
 */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * A URL the guard has let through, with the addresses its host resolved to. Requests must connect
 * to exactly these addresses (see {@link pinnedLookup}), so that a second DNS answer cannot swap
 * in another address between the check and the connection.
 *
 * @internal
 */
export interface CheckedTarget {
  url: URL;
  /** The host name as `http.request` takes it: no IPv6 brackets. */
  hostname: string;
  addresses: ResolvedAddress[];
}

/**
 * @internal
 */
export interface SsrfGuardOptions {
  /** Exact host names or `*.domain` patterns; an empty list refuses every host. */
  allowedHosts: readonly string[];
  /** See {@link AddressPolicyOptions.allowPrivateNetworks}. Default: false. */
  allowPrivateNetworks?: boolean;
  /** Addresses or CIDR ranges allowed whatever their kind, e.g. `10.20.0.0/16`. */
  allowedAddressRanges?: readonly string[];
  /** Resolves every address of a host name; `dns.lookup` with `all: true` by default. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

async function resolveAll(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(a => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));
}

/**
 * Decides whether an outbound request to a URL may be made, against server-side request forgery:
 * only http and https, only hosts on the allow-list, and only when every address the host
 * resolves to is allowed by the address policy (public unicast unless private networks are
 * allowed). Used for each hop of a redirect chain.
 *
 * @internal
 */
export class SsrfGuard {
  static create(options: SsrfGuardOptions): SsrfGuard {
    return new SsrfGuard(
      HostAllowList.create(options.allowedHosts),
      {
        allowPrivateNetworks: options.allowPrivateNetworks ?? false,
        allowedRanges: parseAddressRanges(options.allowedAddressRanges ?? []),
      },
      options.resolve ?? resolveAll,
    );
  }

  /** From `reliability.probes.allowedHosts` and `reliability.probes.allowPrivateNetworks`. */
  static fromConfig(
    config: Config,
    options?: Pick<SsrfGuardOptions, 'resolve'>,
  ): SsrfGuard {
    const probes = config.getOptionalConfig('reliability.probes');
    let allowedHosts: string[];
    try {
      allowedHosts = probes?.getOptionalStringArray('allowedHosts') ?? [];
      HostAllowList.create(allowedHosts);
    } catch (error) {
      throw new Error(
        `Invalid reliability.probes.allowedHosts: ${(error as Error).message}`,
      );
    }
    return SsrfGuard.create({
      allowedHosts,
      allowPrivateNetworks:
        probes?.getOptionalBoolean('allowPrivateNetworks') ?? false,
      resolve: options?.resolve,
    });
  }

  private constructor(
    private readonly hosts: HostAllowList,
    private readonly policy: AddressPolicyOptions,
    private readonly resolve: (hostname: string) => Promise<ResolvedAddress[]>,
  ) {}

  /**
   * Checks a URL and resolves its host. Throws {@link RequestRefusedError} when the request must
   * not be made; DNS failures (an unknown host) are thrown as they are, since they are the
   * target's problem rather than a refusal.
   */
  async check(target: string | URL): Promise<CheckedTarget> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new RequestRefusedError(`'${String(target)}' is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RequestRefusedError(
        `${url.protocol} URLs are not allowed, only http: and https:`,
      );
    }
    if (url.username || url.password) {
      throw new RequestRefusedError(
        'URLs with credentials are not allowed; the host would receive them in clear',
      );
    }
    const hostname = normalizeHost(url.hostname);
    if (!this.hosts.allows(hostname)) {
      throw new RequestRefusedError(
        `host '${hostname}' is not in reliability.probes.allowedHosts`,
      );
    }

    const addresses: ResolvedAddress[] = ipaddr.isValid(hostname)
      ? [
          {
            address: hostname,
            family: ipaddr.parse(hostname).kind() === 'ipv6' ? 6 : 4,
          },
        ]
      : await this.resolve(hostname);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`host '${hostname}' has no address`), {
        code: 'ENOTFOUND',
      });
    }
    // One refused address refuses the host: a name that mixes public and private answers is
    // how DNS rebinding gets a request through.
    for (const { address } of addresses) {
      const refusal = addressRefusal(address, this.policy);
      if (refusal) {
        const hint =
          !this.policy.allowPrivateNetworks &&
          !addressRefusal(address, { allowPrivateNetworks: true })
            ? ' (reliability.probes.allowPrivateNetworks allows private networks)'
            : '';
        throw new RequestRefusedError(
          `host '${hostname}' refused: ${refusal}${hint}`,
        );
      }
    }
    return { url, hostname, addresses };
  }
}
