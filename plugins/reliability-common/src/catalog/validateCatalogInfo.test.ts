import { validateCatalogInfo } from './validateCatalogInfo';

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Checkout
  annotations:
    reliability/slos: slos/availability.yaml, https://example.com/slos/latency.yaml
    reliability/tier: tier-1
    reliability/runbook: https://runbooks.example.com/checkout
    reliability/rotation: oncall/checkout.yaml
    pagerduty.com/service-id: PABC123
spec:
  type: service
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-api
  namespace: payments
`;

const validate = (content: string) =>
  validateCatalogInfo({ path: 'catalog-info.yaml', content });

const brief = (content: string) =>
  validate(content).problems.map(
    p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

describe('validateCatalogInfo', () => {
  it('gives every entity with its SLO file and runbook locations', () => {
    const result = validate(CATALOG_INFO);
    expect(result.problems).toEqual([]);
    expect(result.entities).toEqual([
      {
        ref: 'component:default/checkout',
        sloLocations: [
          'slos/availability.yaml',
          'https://example.com/slos/latency.yaml',
        ],
        location: { file: 'catalog-info.yaml', line: 1, column: 1, path: '' },
        runbook: {
          path: 'https://runbooks.example.com/checkout',
          location: {
            file: 'catalog-info.yaml',
            line: 8,
            column: 26,
            path: 'metadata.annotations["reliability/runbook"]',
          },
        },
      },
      {
        ref: 'api:payments/checkout-api',
        sloLocations: [],
        location: { file: 'catalog-info.yaml', line: 14, column: 1, path: '' },
      },
    ]);
    expect(result.sloFiles[0]).toEqual({
      entityRef: 'component:default/checkout',
      path: 'slos/availability.yaml',
      location: {
        file: 'catalog-info.yaml',
        line: 6,
        column: 23,
        path: 'metadata.annotations["reliability/slos"]',
      },
    });
  });

  it.each([
    [
      'reliability/slos: slos/a.yaml,,slos/b.yaml',
      '6:23 metadata.annotations["reliability/slos"] [error] a location is empty (two commas in a row, or a comma at the end?)',
    ],
    [
      'reliability/slos: /etc/slos.yaml',
      '6:23 metadata.annotations["reliability/slos"] [error] "/etc/slos.yaml" is an absolute path; write it relative to the catalog-info.yaml file, so that it works wherever the repository is checked out',
    ],
    [
      'reliability/slos: ftp://example.com/slo.yaml',
      '6:23 metadata.annotations["reliability/slos"] [error] "ftp://example.com/slo.yaml" is a ftp URL; only http and https URLs are allowed',
    ],
    [
      'reliability/tier: gold',
      '7:23 metadata.annotations["reliability/tier"] [error] "gold" is not a tier: expected 1, 2, 3 or 4 (1 is the most critical), or tier-1 to tier-4',
    ],
    [
      'reliability/tier: 1',
      '7:23 metadata.annotations["reliability/tier"] [error] expected text, got the number 1 (put it in quotes: "1")',
    ],
    [
      'reliability/runbook: ftp://example.com/runbook.md',
      '8:26 metadata.annotations["reliability/runbook"] [error] "ftp://example.com/runbook.md" is a ftp URL; only http and https URLs are allowed',
    ],
    [
      'reliability/rotation: mailto:oncall@example.com',
      '9:27 metadata.annotations["reliability/rotation"] [error] "mailto:oncall@example.com" is a mailto URL; only http and https URLs are allowed',
    ],
    [
      'pagerduty.com/service-id: " "',
      '10:31 metadata.annotations["pagerduty.com/service-id"] [error] the pagerduty.com/service-id annotation is empty',
    ],
  ])('reports %j', (annotation, expected) => {
    const [key] = annotation.split(':');
    const content = CATALOG_INFO.replace(new RegExp(`${key}: .*`), annotation);
    expect(brief(content)).toEqual([expected]);
  });

  it.each([
    ['name: Checkout', 'name: "\\r Checkout"', '4:9 metadata.name'],
    ['name: Checkout', 'name: Check out', '4:9 metadata.name'],
    ['namespace: payments', 'namespace: Payments', '18:14 metadata.namespace'],
    ['kind: API', 'kind: 1API', '15:7 kind'],
  ])('refuses what the catalog refuses: %s as %s', (from, to, where) => {
    const content = CATALOG_INFO.replace(from, to);
    const result = validate(content);
    expect(
      result.problems.map(p => `${p.line}:${p.column} ${p.path}`),
    ).toContain(where);
    expect(result.entities).toHaveLength(1);
  });

  it('keeps the valid locations of an annotation with a wrong one', () => {
    const result = validate(
      CATALOG_INFO.replace(
        /reliability\/slos: .*/,
        'reliability/slos: a.yaml, /abs.yaml, b.yaml',
      ),
    );
    expect(result.entities[0].sloLocations).toEqual(['a.yaml', 'b.yaml']);
    expect(result.sloFiles.map(file => file.path)).toEqual([
      'a.yaml',
      'b.yaml',
    ]);
  });

  it('reports documents that are not entities, and YAML errors', () => {
    expect(brief('kind: Component\nmetadata: {}\n')).toEqual([
      '1:1 apiVersion [error] "apiVersion" is required',
      '2:1 metadata.name [error] "name" is required',
    ]);
    expect(brief('metadata: [\n')).toEqual([
      '2:1  [error] YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(brief('')).toEqual([
      '1:1  [warning] the file has no YAML documents, so no entities',
    ]);
  });
});
