import { classifyYamlFile } from './classifyYamlFile';

describe('classifyYamlFile', () => {
  it('recognises catalog files by name and by apiVersion', () => {
    expect(classifyYamlFile('a/catalog-info.yaml', '')).toBe('catalog');
    expect(
      classifyYamlFile('entities.yaml', 'apiVersion: backstage.io/v1alpha1\n'),
    ).toBe('catalog');
  });

  it('recognises the SLO formats', () => {
    expect(classifyYamlFile('a.yaml', 'version: "prometheus/v1"\n')).toBe(
      'slo',
    );
    expect(classifyYamlFile('a.yaml', 'apiVersion: openslo/v1\n')).toBe('slo');
    expect(
      classifyYamlFile(
        'a.yaml',
        'apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\n',
      ),
    ).toBe('slo');
  });

  it('recognises OpenSLO objects in a top-level list and OpenSLO versions we do not read', () => {
    // As in oslo's own test inputs: its directory walks find these and report them.
    expect(
      classifyYamlFile('a.yaml', '- apiVersion: openslo/v1\n  kind: Service\n'),
    ).toBe('slo');
    expect(
      classifyYamlFile(
        'a.yaml',
        'apiVersion: openslo.com/v2alpha\nkind: SLO\n',
      ),
    ).toBe('slo');
  });

  it('recognises runbooks by apiVersion and kind, not rotations', () => {
    expect(
      classifyYamlFile(
        'runbook.yaml',
        'apiVersion: reliability.dev/v1\nkind: Runbook\n',
      ),
    ).toBe('runbook');
    expect(
      classifyYamlFile(
        'rotation.yaml',
        'apiVersion: reliability.dev/v1\nkind: Rotation\n',
      ),
    ).toBe('other');
  });

  it('skips other YAML, including alert window catalogs', () => {
    expect(
      classifyYamlFile(
        'w.yaml',
        'apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\n',
      ),
    ).toBe('other');
    expect(classifyYamlFile('values.yaml', 'replicas: 3\n')).toBe('other');
  });
});
