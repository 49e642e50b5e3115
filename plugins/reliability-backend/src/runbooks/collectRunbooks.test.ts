import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  ServiceLevelObjective,
  SloAlerting,
} from '@reliability/backstage-plugin-common';
import { makeSlo } from '../evaluation/__testUtils__/fixtures';
import { collectRunbooks, runbookId } from './collectRunbooks';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
const REPO = 'https://github.com/acme/checkout/blob/main';
/** The GitHub integration resolves relative paths to `tree` URLs. */
const TREE = 'https://github.com/acme/checkout/tree/main';

function entity(overrides: Partial<Entity['metadata']> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: {
        'backstage.io/managed-by-location': `url:${REPO}/catalog-info.yaml`,
      },
      ...overrides,
    },
    spec: { owner: 'team-a' },
  };
}

function alerting(overrides: Partial<SloAlerting> = {}): SloAlerting {
  return {
    name: 'CheckoutAvailability',
    labels: {},
    annotations: {},
    page: { disabled: false, labels: {}, annotations: {} },
    ticket: { disabled: false, labels: {}, annotations: {} },
    ...overrides,
  };
}

function sloWith(id: string, a: SloAlerting): ServiceLevelObjective {
  return makeSlo({ id, alerting: a });
}

describe('collectRunbooks', () => {
  it('collects runbook links, the annotation and alert runbooks, in that order', () => {
    const { runbooks, problems } = collectRunbooks(
      entity({
        annotations: {
          'backstage.io/managed-by-location': `url:${REPO}/catalog-info.yaml`,
          'reliability/runbook': 'docs/runbook.md',
        },
        links: [
          {
            url: 'https://wiki.example.com/checkout',
            title: 'Checkout wiki',
            type: 'Runbook',
          },
          {
            url: 'https://grafana.example.com/d/1',
            title: 'Dashboard',
            type: 'dashboard',
          },
        ],
      }),
      [
        sloWith(
          'checkout-availability',
          alerting({
            annotations: { runbook_url: 'https://runbooks.example.com/slow' },
            page: {
              disabled: false,
              labels: {},
              annotations: { runbook: 'https://runbooks.example.com/page' },
            },
          }),
        ),
      ],
      integrations,
    );

    expect(problems).toEqual([]);
    expect(runbooks.map(r => r.runbook)).toEqual([
      {
        id: runbookId('https://wiki.example.com/checkout'),
        title: 'Checkout wiki',
        url: 'https://wiki.example.com/checkout',
        origin: 'link',
        alerts: [],
        markdown: false,
      },
      {
        id: runbookId(`${TREE}/docs/runbook.md`),
        title: 'Runbook',
        url: `${TREE}/docs/runbook.md`,
        path: 'docs/runbook.md',
        origin: 'annotation',
        alerts: [],
        markdown: true,
      },
      {
        id: runbookId('https://runbooks.example.com/page'),
        title: 'Runbook of CheckoutAvailability (page)',
        url: 'https://runbooks.example.com/page',
        origin: 'alert',
        alert: {
          sloId: 'checkout-availability',
          alertName: 'CheckoutAvailability',
          severity: 'page',
        },
        alerts: [
          {
            sloId: 'checkout-availability',
            alertName: 'CheckoutAvailability',
            severity: 'page',
          },
        ],
        markdown: false,
      },
      expect.objectContaining({
        url: 'https://runbooks.example.com/slow',
        origin: 'alert',
        alert: expect.objectContaining({ severity: 'ticket' }),
      }),
    ]);
  });

  it('resolves a relative annotation against backstage.io/source-location before managed-by-location', () => {
    const { runbooks } = collectRunbooks(
      entity({
        annotations: {
          'backstage.io/managed-by-location': `url:${REPO}/catalog-info.yaml`,
          'backstage.io/source-location': `url:https://github.com/acme/checkout/tree/main/service/`,
          'reliability/runbook': './RUNBOOK.md',
        },
      }),
      [],
      integrations,
    );
    expect(runbooks.map(r => [r.runbook.url, r.runbook.path])).toEqual([
      [
        'https://github.com/acme/checkout/tree/main/service/RUNBOOK.md',
        './RUNBOOK.md',
      ],
    ]);
  });

  it('lists a runbook named in several places once, where it was found first, with every alert naming it', () => {
    const { runbooks } = collectRunbooks(
      entity({
        annotations: {
          'backstage.io/managed-by-location': `url:${REPO}/catalog-info.yaml`,
          // Resolves to the same URL as the link and the alerts below.
          'reliability/runbook': 'docs/runbook.md',
        },
        links: [{ url: `${TREE}/docs/runbook.md`, type: 'runbook' }],
      }),
      [
        sloWith(
          'checkout-a',
          alerting({ annotations: { runbook_url: `${TREE}/docs/runbook.md` } }),
        ),
        sloWith(
          'checkout-b',
          alerting({
            name: 'B',
            ticket: { disabled: true, labels: {}, annotations: {} },
            annotations: { runbook_url: `${TREE}/docs/./runbook.md` },
          }),
        ),
      ],
      integrations,
    );
    expect(runbooks).toHaveLength(1);
    expect(runbooks[0].runbook).toMatchObject({
      origin: 'link',
      title: `${TREE}/docs/runbook.md`,
    });
    expect(runbooks[0].runbook.path).toBeUndefined();
    expect(runbooks[0].runbook.alert).toBeUndefined();
    expect(
      runbooks[0].runbook.alerts.map(a => `${a.sloId}/${a.severity}`),
    ).toEqual(['checkout-a/page', 'checkout-a/ticket', 'checkout-b/page']);
  });

  it('skips disabled severities and unnamed alerting, which generate no alerts', () => {
    const { runbooks } = collectRunbooks(
      entity(),
      [
        sloWith(
          'checkout-a',
          alerting({
            name: undefined,
            annotations: { runbook_url: 'https://runbooks.example.com/a' },
          }),
        ),
        sloWith(
          'checkout-b',
          alerting({
            page: {
              disabled: true,
              labels: {},
              annotations: {
                runbook_url: 'https://runbooks.example.com/b-page',
              },
            },
            ticket: {
              disabled: false,
              labels: {},
              annotations: {
                runbook_url: 'https://runbooks.example.com/b-ticket',
              },
            },
          }),
        ),
      ],
      integrations,
    );
    expect(runbooks.map(r => r.runbook.url)).toEqual([
      'https://runbooks.example.com/b-ticket',
    ]);
  });

  it('resolves relative paths of an entity registered from a local file to files, readable as Markdown', () => {
    const { runbooks } = collectRunbooks(
      entity({
        annotations: {
          'backstage.io/managed-by-location':
            'file:/repo/examples/checkout/catalog-info.yaml',
          'reliability/runbook': '../runbooks/checkout.md',
        },
      }),
      [],
      integrations,
    );
    expect(runbooks).toEqual([
      {
        location: 'file:/repo/examples/runbooks/checkout.md',
        target: { type: 'file', path: '/repo/examples/runbooks/checkout.md' },
        runbook: {
          id: runbookId('file:/repo/examples/runbooks/checkout.md'),
          title: 'Runbook',
          path: '../runbooks/checkout.md',
          origin: 'annotation',
          alerts: [],
          markdown: true,
        },
      },
    ]);
  });

  it('reports locations that cannot be resolved as problems and keeps the others', () => {
    const { runbooks, problems } = collectRunbooks(
      entity({
        annotations: {
          'reliability/runbook': 'ftp://files.example.com/runbook.md',
        },
        links: [{ url: '/etc/runbook.md', type: 'runbook' }],
      }),
      [
        sloWith(
          'checkout-a',
          alerting({
            annotations: { runbook_url: 'https://runbooks.example.com/a' },
          }),
        ),
      ],
      integrations,
    );
    expect(runbooks.map(r => r.runbook.url)).toEqual([
      'https://runbooks.example.com/a',
    ]);
    expect(problems).toEqual([
      {
        origin: 'link',
        location: '/etc/runbook.md',
        message:
          "'/etc/runbook.md' is an absolute path; write it relative to the entity's catalog-info.yaml",
      },
      {
        origin: 'annotation',
        location: 'ftp://files.example.com/runbook.md',
        message:
          "'ftp://files.example.com/runbook.md' is a ftp URL; only http and https URLs and relative paths are allowed",
      },
    ]);
  });

  it('keeps the id of a runbook when its origin changes', () => {
    const fromLink = collectRunbooks(
      entity({
        links: [{ url: 'https://runbooks.example.com/x', type: 'runbook' }],
      }),
      [],
      integrations,
    );
    const fromAlert = collectRunbooks(
      entity(),
      [
        sloWith(
          'checkout-a',
          alerting({
            annotations: { runbook_url: 'https://runbooks.example.com/x' },
          }),
        ),
      ],
      integrations,
    );
    expect(fromLink.runbooks[0].runbook.id).toBe(
      fromAlert.runbooks[0].runbook.id,
    );
    expect(fromLink.runbooks[0].runbook.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
