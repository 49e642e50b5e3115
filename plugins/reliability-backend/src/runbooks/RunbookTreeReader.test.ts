import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import { RunbookTreeReader, runbookTreeLocation } from './RunbookTreeReader';

const SOURCE = 'https://github.com/acme/checkout/blob/main/catalog-info.yaml';
const TREE = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: checkout
spec:
  nodes:
    burning:
      question: Do both windows burn?
      evidence:
        - slo: checkout-latency
      answers:
        - answer: 'Yes'
          next: page
    page:
      action: Page payments.
      end: escalate
`;

function entity(runbook?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: {
        'backstage.io/managed-by-location': `url:${SOURCE}`,
        ...(runbook ? { 'reliability/runbook': runbook } : {}),
      },
    },
  };
}

function readerOf(read: () => Promise<Buffer>) {
  const urlReader = mockServices.urlReader.mock();
  urlReader.readUrl.mockImplementation(async () => ({ buffer: read }));
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  return {
    urlReader,
    reader: RunbookTreeReader.create({
      fileReader: DefaultSloFileReader.create({ urlReader }),
      integrations,
    }),
  };
}

const availability = {
  id: 'checkout-checkout-availability-0',
  name: 'checkout-availability-0',
  source: {
    format: 'openslo/v1',
    location: { file: 'slos.yaml', line: 3, column: 1, path: '' },
  },
  alerting: {
    name: 'CheckoutHighErrorRate',
    page: { disabled: false },
    ticket: { disabled: false },
  },
} as unknown as ServiceLevelObjective;

describe('RunbookTreeReader', () => {
  // The GitHub integration resolves a relative path against the source location's tree URL.
  it('reads the .yaml runbook beside catalog-info.yaml through the UrlReader', async () => {
    const { urlReader, reader } = readerOf(async () => Buffer.from(TREE));
    const read = await reader.read(entity('./runbook.yaml'), []);
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/checkout/tree/main/runbook.yaml',
      expect.anything(),
    );
    expect(read.source).toEqual({
      location: './runbook.yaml',
      file: 'https://github.com/acme/checkout/tree/main/runbook.yaml',
      url: 'https://github.com/acme/checkout/tree/main/runbook.yaml',
    });
    expect(read.runbook?.nodes.map(node => node.id)).toEqual([
      'burning',
      'page',
    ]);
    // Checked against the entity's SLOs, of which it has none here.
    expect(read.problems.map(p => p.path)).toEqual([
      'spec.nodes.burning.evidence[0].slo',
    ]);
    expect(read.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("still gives the tree when only the entity's SLOs disagree with it, with those problems", async () => {
    const { reader } = readerOf(async () => Buffer.from(TREE));
    const read = await reader.read(entity('./runbook.yaml'), [availability]);
    expect(read.runbook?.name).toBe('checkout');
    expect(read.problems.map(p => [p.line, p.path])).toEqual([
      [5, 'spec'],
      [10, 'spec.nodes.burning.evidence[0].slo'],
    ]);
    expect(read.problems[0].message).toContain(
      'the page alert "CheckoutHighErrorRate"',
    );
  });

  it('says what is wrong when the file is missing or the location is not allowed', async () => {
    const { reader } = readerOf(async () => {
      throw new NotFoundError('no such file');
    });
    const missing = await reader.read(entity('./runbook.yaml'), []);
    expect(missing.runbook).toBeUndefined();
    expect(missing.problems).toEqual([
      expect.objectContaining({
        file: 'https://github.com/acme/checkout/tree/main/runbook.yaml',
        line: 1,
        message: expect.stringContaining('the runbook file does not exist'),
      }),
    ]);
    const refused = await reader.read(entity('ftp://host/runbook.yaml'), []);
    expect(refused.problems[0].message).toContain('is a ftp URL');
  });

  it('leaves Markdown runbooks and web pages to the runbooks card', async () => {
    expect(runbookTreeLocation(entity('./runbook.md'))).toBeUndefined();
    expect(
      runbookTreeLocation(entity('https://wiki.example.com/x')),
    ).toBeUndefined();
    expect(runbookTreeLocation(entity())).toBeUndefined();
    expect(
      runbookTreeLocation(entity('https://example.com/r.yml?ref=main')),
    ).toBe('https://example.com/r.yml?ref=main');
    const { urlReader, reader } = readerOf(async () => Buffer.from(TREE));
    await expect(reader.read(entity('./runbook.md'), [])).resolves.toEqual({
      problems: [],
    });
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });
});
