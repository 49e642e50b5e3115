/*
 * Speaks MCP to a running backend over Streamable HTTP, as an assistant's client does: lists the
 * suite's tools and calls each read action on the example catalog, checks the answers against
 * the REST API's, and proves that a user who may not read `checkout` in the catalog learns
 * nothing about it through any action.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ExampleBackend,
  startExampleBackend,
} from '../__testUtils__/exampleBackend';
import { OUTSIDER } from '../__testUtils__/exampleBackendServer';

const PORT = 7048;
const GUEST = 'user:default/guest';
const MINUTE = 60_000;

const READ_TOOLS = [
  'reliability.get-entity-reliability',
  'reliability.list-burning-slos',
  'reliability.who-is-on-call',
  'reliability.explain-error-budget',
  'reliability.list-team-failing-checks',
  'reliability.get-release-gate',
];

jest.setTimeout(60_000);

let backend: ExampleBackend;
const clients: Client[] = [];

async function connect(user: string): Promise<Client> {
  const client = new Client({ name: 'reliability-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backend.url}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: {
            authorization: `Bearer ${mockCredentials.user.token(user)}`,
          },
        },
      },
    ),
  );
  clients.push(client);
  return client;
}

/** Calls a tool; resolves with its structured output, or its error text when `isError`. */
async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<{ output?: any; error?: string }> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ type: string; text: string }>)[0]
    ?.text;
  return result.isError
    ? { error: text }
    : { output: result.structuredContent ?? JSON.parse(text) };
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

let availabilityId: string;

beforeAll(async () => {
  backend = await startExampleBackend({ port: PORT, evaluationSeconds: 2 });
  const checkout = await until(
    "checkout's SLOs",
    () => backend.api('reliability/entities/component/default/checkout/slos'),
    view =>
      view.slos.some(
        (slo: any) => slo.id === 'checkout-checkout-availability-0',
      ),
  );
  availabilityId = checkout.slos.find(
    (slo: any) => slo.id === 'checkout-checkout-availability-0',
  ).id;
  // Two hours at 1 % errors against a 0.1 % budget: exhausted, and paging.
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  await backend.api(`reliability/slos/${availabilityId}/events`, {
    method: 'POST',
    body: {
      buckets: Array.from({ length: 120 }, (_, i) => ({
        start: end - (120 - i) * MINUTE,
        good: 990,
        total: 1000,
      })),
    },
  });
  await until(
    'checkout availability to be evaluated as exhausted',
    () => backend.api('reliability/entities/component/default/checkout/slos'),
    view =>
      view.slos.find((slo: any) => slo.id === availabilityId)?.status?.policy
        .state === 'exhausted',
  );
  await until(
    "the scheduled scorecard run to reach the payments team's services",
    () =>
      backend.api(
        'reliability/scorecards/results?owner=group%3Adefault%2Fpayments&limit=500',
      ),
    page =>
      page.items.some(
        (item: any) => item.entityRef === 'component:default/checkout',
      ),
  );
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map(client => client.close()));
  await backend?.stop();
});

describe('the MCP actions of the Reliability backend', () => {
  it('lists the suite’s tools with descriptions, schemas and hints', async () => {
    const client = await connect(GUEST);
    const { tools } = await client.listTools();
    const ours = tools.filter(tool => tool.name.startsWith('reliability.'));
    expect(ours.map(tool => tool.name).sort()).toEqual(
      [...READ_TOOLS, 'reliability.triage-alert'].sort(),
    );
    for (const tool of ours) {
      expect(tool.description!.length).toBeGreaterThan(100);
      expect(tool.inputSchema.type).toBe('object');
      const readOnly = tool.name !== 'reliability.triage-alert';
      expect(tool.annotations).toMatchObject({
        readOnlyHint: readOnly,
        destructiveHint: false,
        idempotentHint: true,
      });
    }
  });

  it('answers get-entity-reliability with the numbers of the REST API', async () => {
    const client = await connect(GUEST);
    const { output } = await call(
      client,
      'reliability.get-entity-reliability',
      { entityRef: 'checkout' },
    );
    const base = 'reliability/entities/component/default/checkout';
    const [slos, onCall, runbooks, scorecards, tree] = await Promise.all([
      backend.api(`${base}/slos`),
      backend.api(`${base}/oncall`),
      backend.api(`${base}/runbooks`),
      backend.api(`${base}/scorecards`),
      backend.api(`${base}/runbook-tree`),
    ]);
    expect(output.entityRef).toBe('component:default/checkout');
    expect(output.slos.map((slo: any) => slo.id).sort()).toEqual(
      slos.slos.map((slo: any) => slo.id).sort(),
    );
    for (const slo of output.slos) {
      const rest = slos.slos.find((candidate: any) => candidate.id === slo.id);
      expect(slo.targetPercent).toBe(rest.objective.targetPercent);
      expect(slo.sli).toBe(rest.status?.sli ?? null);
      expect(slo.budget?.remaining ?? null).toBe(
        rest.status?.budget?.remaining ?? null,
      );
      expect(slo.policy.state).toBe(rest.status?.policy.state ?? 'unknown');
    }
    const availability = output.slos.find(
      (slo: any) => slo.id === availabilityId,
    );
    expect(availability.policy.state).toBe('exhausted');
    expect(availability.budget.remaining).toBeCloseTo(-9, 6);
    expect(output.onCall.status).toBe(onCall.status);
    expect(output.onCall.now.map((a: any) => a.name)).toEqual(
      onCall.now.map((a: any) => a.person.name),
    );
    expect(output.onCall.now.length).toBeGreaterThan(0);
    expect(output.runbooks.map((r: any) => r.title)).toEqual(
      runbooks.runbooks.map((r: any) => r.title),
    );
    expect(output.runbooks.length).toBeGreaterThan(0);
    // The decision tree an assistant walks a responder through: the REST route's, per alert.
    expect(output.decisionTree.entryPoints).toEqual(
      tree.runbook.entryPoints.map((e: any) => ({
        alert: e.alert,
        node: e.node,
      })),
    );
    expect(
      output.decisionTree.entryPoints.map((e: any) => e.alert).sort(),
    ).toEqual(['CheckoutHighErrorRate', 'CheckoutLatencyHigh']);
    expect(output.decisionTree.nodes.map((n: any) => n.id)).toEqual(
      tree.runbook.nodes.map((n: any) => n.id),
    );
    const escalation = output.decisionTree.nodes.find(
      (n: any) => n.end === 'escalate',
    );
    expect(escalation).toBeDefined();
    expect(output.scorecards.map((s: any) => [s.scorecardId, s.level])).toEqual(
      scorecards.scorecards.map((s: any) => [s.scorecardId, s.level]),
    );
  });

  it('lists burning SLOs worst first, filtered by owner, tier and system', async () => {
    const client = await connect(GUEST);
    const { output } = await call(client, 'reliability.list-burning-slos', {
      owner: 'payments',
    });
    expect(output.items[0].id).toBe(availabilityId);
    expect(output.items[0].policy.state).toBe('exhausted');
    const rest = await backend.api(
      'reliability/slos?owner=group%3Adefault%2Fpayments&limit=500',
    );
    for (const item of output.items) {
      const slo = rest.items.find((candidate: any) => candidate.id === item.id);
      expect(item.budget?.remaining ?? null).toBe(
        slo.status?.budget?.remaining ?? null,
      );
      expect(['warning', 'exhausted']).toContain(item.policy.state);
    }
    const bySystem = await call(client, 'reliability.list-burning-slos', {
      system: 'examples',
      tier: '1',
      state: 'exhausted',
    });
    expect(bySystem.output.items.map((slo: any) => slo.id)).toContain(
      availabilityId,
    );
    const otherSystem = await call(client, 'reliability.list-burning-slos', {
      system: 'no-such-system',
    });
    expect(otherSystem.output.items).toEqual([]);
  });

  it('tells who is on call for an entity and for a team', async () => {
    const client = await connect(GUEST);
    const forEntity = await call(client, 'reliability.who-is-on-call', {
      entityRef: 'component:default/checkout',
    });
    const restEntity = await backend.api(
      'reliability/entities/component/default/checkout/oncall',
    );
    expect(forEntity.output.entities[0].now.map((a: any) => a.name)).toEqual(
      restEntity.now.map((a: any) => a.person.name),
    );
    expect(forEntity.output.entities[0].source).toBe(
      restEntity.resolution.source,
    );
    const forTeam = await call(client, 'reliability.who-is-on-call', {
      team: 'payments',
    });
    const restTeam = await backend.api(
      'reliability/oncall?owner=group%3Adefault%2Fpayments',
    );
    expect(forTeam.output.team).toBe('group:default/payments');
    expect(forTeam.output.entities.map((e: any) => e.entityRef)).toEqual(
      restTeam.entities.map((e: any) => e.entityRef),
    );
    const neither = await call(client, 'reliability.who-is-on-call', {});
    expect(neither.error).toBe(
      'InputError: Give exactly one of entityRef and team',
    );
  });

  it("explains an SLO's error budget with the API's numbers", async () => {
    const client = await connect(GUEST);
    const { output } = await call(client, 'reliability.explain-error-budget', {
      entityRef: 'checkout',
      sloName: 'Checkout availability',
    });
    const rest = await backend.api(
      'reliability/entities/component/default/checkout/slos',
    );
    const slo = rest.slos.find((s: any) => s.id === availabilityId);
    expect(output.slo.id).toBe(availabilityId);
    expect(output.explanation).toContain('99.9 % of events are good');
    expect(output.explanation).toContain(
      `${(slo.status.budget.consumed * 100).toFixed(1)} % of it is used`,
    );
    expect(output.explanation).toContain(
      `${(slo.status.sli * 100).toFixed(3)} % of events were good`,
    );
    expect(output.explanation).toContain('Budget policy: exhausted');
    const byId = await call(client, 'reliability.explain-error-budget', {
      sloId: availabilityId,
    });
    expect(byId.output.slo.budget).toEqual(output.slo.budget);
  });

  it("lists a team's failing checks with their remediation", async () => {
    const client = await connect(GUEST);
    const { output } = await call(
      client,
      'reliability.list-team-failing-checks',
      { team: 'payments' },
    );
    const rest = await backend.api(
      'reliability/scorecards/results?owner=group%3Adefault%2Fpayments&limit=500',
    );
    const expected = rest.items.flatMap((item: any) =>
      item.checks
        .filter((check: any) => check.status === 'fail')
        .map((check: any) => [item.entityRef, check.id, check.remediation]),
    );
    expect(
      output.failingChecks.map((c: any) => [
        c.entityRef,
        c.checkId,
        c.remediation,
      ]),
    ).toEqual(expected);
    expect(output.entities.map((e: any) => [e.entityRef, e.level])).toEqual(
      rest.items.map((item: any) => [item.entityRef, item.level]),
    );
  });

  it('answers get-release-gate as the REST gate does, without recording a decision', async () => {
    const client = await connect(GUEST);
    const gatePath = 'reliability/gate/component/default/checkout';
    const before = await backend.api(`${gatePath}/decisions`);
    const { output } = await call(client, 'reliability.get-release-gate', {
      entityRef: 'checkout',
    });
    const rest = await backend.api(`${gatePath}?preview=true`);
    expect(output.entityRef).toBe('component:default/checkout');
    // Checkout's availability budget is spent in the example data: releases are blocked.
    expect(output.decision).toBe('block');
    expect(output.allowed).toBe(false);
    expect([output.decision, output.rule, output.summary]).toEqual([
      rest.decision,
      rest.rule,
      rest.summary,
    ]);
    expect(output.reasons.map((r: any) => r.message)).toEqual(
      rest.reasons.map((r: any) => r.message),
    );
    const after = await backend.api(`${gatePath}/decisions`);
    expect(after.items.length).toBe(before.items.length);
  });

  it('tells a caller who may not read checkout nothing about it', async () => {
    const outsider = await connect(OUTSIDER);
    const { tools } = await outsider.listTools();
    expect(tools.map(tool => tool.name)).toEqual(
      expect.arrayContaining(READ_TOOLS),
    );
    // Without reliability.alert.triage the mutation is not even listed.
    expect(tools.map(tool => tool.name)).not.toContain(
      'reliability.triage-alert',
    );

    const answers = [
      await call(outsider, 'reliability.get-entity-reliability', {
        entityRef: 'checkout',
      }),
      await call(outsider, 'reliability.who-is-on-call', {
        entityRef: 'checkout',
      }),
      await call(outsider, 'reliability.explain-error-budget', {
        entityRef: 'checkout',
        sloName: 'Checkout availability',
      }),
      await call(outsider, 'reliability.get-release-gate', {
        entityRef: 'checkout',
      }),
    ];
    const unknown = await call(outsider, 'reliability.get-entity-reliability', {
      entityRef: 'checkout-unknown',
    });
    expect(unknown.error).toBe(
      'NotFoundError: No entity component:default/checkout-unknown in the catalog',
    );
    for (const answer of answers) {
      // Word for word what a name that does not exist gets.
      expect(answer.error).toBe(
        'NotFoundError: No entity component:default/checkout in the catalog',
      );
    }
    const byId = await call(outsider, 'reliability.explain-error-budget', {
      sloId: availabilityId,
    });
    const unknownId = await call(outsider, 'reliability.explain-error-budget', {
      sloId: 'no-such-slo',
    });
    expect(byId.error).toBe(
      `NotFoundError: No SLO with id '${availabilityId}'`,
    );
    expect(unknownId.error).toBe("NotFoundError: No SLO with id 'no-such-slo'");

    // Listings leave it out; the same calls as the guest do show it.
    const listings = [
      await call(outsider, 'reliability.list-burning-slos', {}),
      await call(outsider, 'reliability.list-burning-slos', {
        owner: 'payments',
        state: 'exhausted',
      }),
      await call(outsider, 'reliability.who-is-on-call', { team: 'payments' }),
      await call(outsider, 'reliability.list-team-failing-checks', {
        team: 'payments',
      }),
    ];
    for (const listing of listings) {
      expect(listing.error).toBeUndefined();
      expect(JSON.stringify(listing.output)).not.toMatch(/checkout/i);
    }
    const guest = await connect(GUEST);
    const guestTeam = await call(guest, 'reliability.who-is-on-call', {
      team: 'payments',
    });
    expect(JSON.stringify(guestTeam.output)).toMatch(/checkout/);
    expect(listings[2].output.entities.length).toBe(
      guestTeam.output.entities.length - 1,
    );

    const triage = await call(outsider, 'reliability.triage-alert', {
      alertId: '1',
      actionable: true,
    });
    expect(triage.error).toBe(
      'NotFoundError: Action "reliability.triage-alert" not found',
    );
  });
});
