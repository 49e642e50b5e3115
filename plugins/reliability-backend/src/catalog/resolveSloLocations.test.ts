import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { parseSlosAnnotation, resolveSloLocation } from './resolveSloLocations';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

function entityAt(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
  };
}

describe('parseSlosAnnotation', () => {
  it('splits on commas, trims, and drops empty and repeated entries', () => {
    expect(parseSlosAnnotation(' ./a.yaml,, ./b.yaml ,./a.yaml,')).toEqual([
      './a.yaml',
      './b.yaml',
    ]);
    expect(parseSlosAnnotation(undefined)).toEqual([]);
  });
});

describe('resolveSloLocation', () => {
  it('resolves a relative path against the source location directory', () => {
    const entity = entityAt({
      'backstage.io/source-location':
        'url:https://github.com/acme/checkout/tree/main/',
      'backstage.io/managed-by-location':
        'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
    });
    expect(resolveSloLocation(entity, './slos/a.yaml', integrations)).toEqual({
      location: './slos/a.yaml',
      file: 'https://github.com/acme/checkout/tree/main/slos/a.yaml',
      target: {
        type: 'url',
        url: 'https://github.com/acme/checkout/tree/main/slos/a.yaml',
      },
    });
  });

  it('resolves against the managed-by location file when there is no source location', () => {
    const entity = entityAt({
      'backstage.io/managed-by-location':
        'url:https://gitlab.example.com/acme/checkout/-/blob/main/svc/catalog-info.yaml',
    });
    expect(
      resolveSloLocation(entity, 'slos.yaml', integrations).target,
    ).toEqual({
      type: 'url',
      url: 'https://gitlab.example.com/acme/checkout/-/blob/main/svc/slos.yaml',
    });
  });

  it('keeps http(s) URLs, with or without the url: prefix', () => {
    const entity = entityAt({});
    expect(
      resolveSloLocation(
        entity,
        'https://slos.example.com/a.yaml',
        integrations,
      ).file,
    ).toBe('https://slos.example.com/a.yaml');
    expect(
      resolveSloLocation(
        entity,
        'url:http://slos.example.com/b.yaml',
        integrations,
      ).target,
    ).toEqual({ type: 'url', url: 'http://slos.example.com/b.yaml' });
  });

  it('resolves a path next to an entity registered from a file', () => {
    const entity = entityAt({
      'backstage.io/managed-by-location':
        'file:/srv/catalog/services/checkout/catalog-info.yaml',
    });
    expect(
      resolveSloLocation(entity, '../shared/slos.yaml', integrations),
    ).toEqual({
      location: '../shared/slos.yaml',
      file: 'file:/srv/catalog/services/shared/slos.yaml',
      target: { type: 'file', path: '/srv/catalog/services/shared/slos.yaml' },
    });
  });

  it('refuses other schemes, absolute paths and entities without a location', () => {
    const fromFile = entityAt({
      'backstage.io/managed-by-location': 'file:/srv/catalog-info.yaml',
    });
    expect(() =>
      resolveSloLocation(fromFile, 'file:/etc/passwd', integrations),
    ).toThrow("'file:/etc/passwd' is a file URL");
    expect(() =>
      resolveSloLocation(fromFile, '/etc/passwd', integrations),
    ).toThrow("'/etc/passwd' is an absolute path");
    expect(() =>
      resolveSloLocation(entityAt({}), './slos.yaml', integrations),
    ).toThrow('the entity has no source location');
    expect(() =>
      resolveSloLocation(
        entityAt({ 'backstage.io/managed-by-location': 'bitbucket:whatever' }),
        './slos.yaml',
        integrations,
      ),
    ).toThrow("relative to the entity's location of type 'bitbucket'");
  });
});
