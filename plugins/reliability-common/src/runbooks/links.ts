import type { RunbookLink } from './model';

/**
 * The URL a runbook link opens: its `url` with its `params` appended to the query, encoded, in
 * the order written. A URL that cannot be parsed is returned as written (the parser reports it).
 *
 * @public
 */
export function runbookLinkHref(link: RunbookLink): string {
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return link.url;
  }
  for (const [key, value] of Object.entries(link.params)) {
    url.searchParams.append(key, value);
  }
  return url.toString();
}
