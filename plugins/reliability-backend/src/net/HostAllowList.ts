import ipaddr from 'ipaddr.js';
import { domainToASCII } from 'node:url';

/**
 * A host name in the form it is compared in: lower case, without IPv6 brackets or a trailing dot,
 * IP addresses in their normalized form.
 *
 * @internal
 */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) {
    name = name.slice(1, -1);
  }
  if (name.endsWith('.')) {
    name = name.slice(0, -1);
  }
  if (ipaddr.isValid(name)) {
    return ipaddr.parse(name).toString();
  }
  // URL hostnames are ASCII already; allow-list entries may be written in Unicode.
  return domainToASCII(name) || name;
}

function isHostName(written: string, name: string): boolean {
  if (ipaddr.isValid(name)) {
    return true;
  }
  // domainToASCII drops what follows a `/`, so URL syntax is refused before it is normalized.
  return (
    !/[/:@?#*\s\[\]]/.test(written.trim()) &&
    /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)
  );
}

/**
 * The hosts outbound requests may go to: exact names (`status.example.com`, `10.1.2.3`) or
 * `*.example.com`, which matches every subdomain at any depth but not `example.com` itself.
 * Ports, schemes and paths are not part of an entry.
 *
 * @internal
 */
export class HostAllowList {
  static create(patterns: readonly string[]): HostAllowList {
    const exact = new Set<string>();
    const suffixes: string[] = [];
    for (const pattern of patterns) {
      const wildcard = pattern.trim().startsWith('*.');
      const written = wildcard ? pattern.trim().slice(2) : pattern;
      const name = normalizeHost(written);
      if (!isHostName(written, name) || (wildcard && ipaddr.isValid(name))) {
        throw new Error(
          `'${pattern}' is not a host name or a '*.domain' pattern`,
        );
      }
      if (wildcard) {
        suffixes.push(`.${name}`);
      } else {
        exact.add(name);
      }
    }
    return new HostAllowList(exact, suffixes);
  }

  private constructor(
    private readonly exact: ReadonlySet<string>,
    private readonly suffixes: readonly string[],
  ) {}

  /** Whether `host` (a URL's hostname) is on the list. */
  allows(host: string): boolean {
    const name = normalizeHost(host);
    return (
      this.exact.has(name) ||
      this.suffixes.some(suffix => name.endsWith(suffix))
    );
  }

  /** Whether the list is empty, so that nothing may be requested. */
  get isEmpty(): boolean {
    return this.exact.size === 0 && this.suffixes.length === 0;
  }
}
