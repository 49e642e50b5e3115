import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readOpsgenieConfig } from './config';

function read(opsgenie: JsonObject) {
  return readOpsgenieConfig(new ConfigReader({ reliability: { opsgenie } }));
}

describe('readOpsgenieConfig', () => {
  it('is undefined when reliability.opsgenie is absent', () => {
    expect(readOpsgenieConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('calls the US instance by default and makes no links without a domain', () => {
    expect(read({ apiKey: ' key ' })).toEqual({
      apiKey: 'key',
      region: 'us',
      apiUrl: 'https://api.opsgenie.com',
      webUrl: undefined,
    });
  });

  it('calls the EU instance for region eu and completes a subdomain for it', () => {
    expect(read({ apiKey: 'key', region: 'eu', domain: 'Acme' })).toEqual({
      apiKey: 'key',
      region: 'eu',
      apiUrl: 'https://api.eu.opsgenie.com',
      webUrl: 'https://acme.app.eu.opsgenie.com',
    });
  });

  it('completes a subdomain for the US instance', () => {
    expect(read({ apiKey: 'key', domain: 'acme' })?.webUrl).toBe(
      'https://acme.app.opsgenie.com',
    );
  });

  it('takes the domain as a full URL, as the Opsgenie frontend plugin does', () => {
    expect(
      read({ apiKey: 'key', domain: 'https://acme.app.eu.opsgenie.com/' })
        ?.webUrl,
    ).toBe('https://acme.app.eu.opsgenie.com');
  });

  it('prefers an explicit apiUrl, trailing slashes removed', () => {
    expect(
      read({ apiKey: 'key', region: 'eu', apiUrl: 'http://proxy:8080/og/' })
        ?.apiUrl,
    ).toBe('http://proxy:8080/og');
  });

  it.each([
    [{}, 'reliability.opsgenie.apiKey: missing'],
    [{ apiKey: '  ' }, 'reliability.opsgenie.apiKey: missing'],
    [
      { apiKey: 'key', region: 'mars' },
      'reliability.opsgenie.region: "mars" is not one of us, eu',
    ],
    [
      { apiKey: 'key', apiUrl: 'api.opsgenie.com' },
      'reliability.opsgenie.apiUrl: "api.opsgenie.com" is not a URL',
    ],
    [
      { apiKey: 'key', apiUrl: 'ftp://api.opsgenie.com' },
      'reliability.opsgenie.apiUrl: "ftp://api.opsgenie.com" must be an http(s) URL',
    ],
    [
      { apiKey: 'key', domain: 'acme.app' },
      'reliability.opsgenie.domain: "acme.app" is neither',
    ],
  ] as Array<[JsonObject, string]>)(
    'rejects %j naming the key',
    (opsgenie, message) => {
      expect(() => read(opsgenie)).toThrow(message);
    },
  );

  it('names the key when a value has the wrong type', () => {
    expect(() => read({ apiKey: 'key', region: 3 })).toThrow(
      /reliability\.opsgenie\.region/,
    );
  });

  it('never puts the API key in an error', () => {
    expect(() => read({ apiKey: 'secret-key', region: 'mars' })).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('secret-key'),
      }),
    );
  });
});
