/**
 * Checks a location written in an annotation: a path relative to the catalog-info.yaml file, or
 * an http(s) URL. Returns what is wrong, or `undefined` when it is fine.
 *
 * @internal
 */
export function checkLocation(location: string): string | undefined {
  if (location === '') {
    return 'a location is empty (two commas in a row, or a comma at the end?)';
  }
  if (
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location) &&
    !/^[a-zA-Z]:[\\/]/.test(location)
  ) {
    return checkUrl(location);
  }
  if (/^([\\/]|[a-zA-Z]:[\\/])/.test(location)) {
    return `"${location}" is an absolute path; write it relative to the catalog-info.yaml file, so that it works wherever the repository is checked out`;
  }
  return undefined;
}

/**
 * Checks an http(s) URL. Returns what is wrong, or `undefined` when it is fine.
 *
 * @internal
 */
export function checkUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `"${text}" is a ${url.protocol.slice(
      0,
      -1,
    )} URL; only http and https URLs are allowed`;
  }
  return undefined;
}
