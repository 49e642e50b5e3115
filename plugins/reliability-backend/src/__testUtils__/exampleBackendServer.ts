/*
 * A backend like the example one (packages/backend), as its own process, for integration tests
 * that speak to it as outside clients do (MCP over Streamable HTTP, a Prometheus scrape): the
 * catalog on the example catalog, the permission backend with a policy, the MCP actions backend
 * and the Reliability plugin, the scorecards of the root app-config.yaml. Started with
 * `node -r @backstage/cli/config/nodeTransform.cjs` by `startExampleBackend`
 * (exampleBackend.ts).
 *
 * Callers are users with Backstage's mock tokens (`mockCredentials.user.token(ref)`): the test
 * needs two users with different catalog access, which a real sign-in cannot give a process.
 * Every plugin's permissions service asks the policy below in-process, as the permission
 * backend would (its `/authorize` refuses the mock tokens' on-behalf-of requests, which carry no
 * actor); the catalog applies the policy's conditional decision itself, as it does in production.
 *
 * Policy: `user:default/outsider` may not read the catalog entity named `checkout`, and may not
 * triage alerts; everything else is allowed.
 *
 * Environment:
 *   RELIABILITY_PORT          port to listen on (loopback)
 *   RELIABILITY_EVAL_SECONDS  frequency of the SLO evaluation (default 60)
 *   RELIABILITY_METRICS_PORT  when set, serves OpenTelemetry metrics for Prometheus there, as
 *                             the example backend does (packages/backend/src/instrumentation.ts)
 *   RELIABILITY_POSTGRES_URL  when set, the backend's databases are on this PostgreSQL server
 *                             (named with RELIABILITY_DATABASE_PREFIX) instead of in-memory SQLite
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  BackstageCredentials,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The bearer token of the Alertmanager webhook receiver. */
export const EXAMPLE_WEBHOOK_TOKEN = 'example-webhook-token-0123456789';

/** The user who may not read `checkout`. */
export const OUTSIDER = 'user:default/outsider';
/** The entity the outsider may not read. */
export const HIDDEN_ENTITY_NAME = 'checkout';

class ExamplePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (user?.info.userEntityRef !== OUTSIDER) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (request.permission.name === 'reliability.alert.triage') {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(request.permission, 'catalog-entity') &&
      request.permission.name === 'catalog.entity.read'
    ) {
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          not: {
            rule: 'HAS_METADATA',
            resourceType: 'catalog-entity',
            params: { key: 'name', value: HIDDEN_ENTITY_NAME },
          },
        },
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** What each plugin's permissions service answers: the policy's decisions. */
function policyPermissions(policy: PermissionPolicy): PermissionsService {
  const userOf = (
    credentials: BackstageCredentials,
  ): PolicyQueryUser | undefined => {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    return principal.type === 'user' && principal.userEntityRef
      ? ({
          credentials,
          info: {
            userEntityRef: principal.userEntityRef,
            ownershipEntityRefs: [principal.userEntityRef],
          },
        } as PolicyQueryUser)
      : undefined;
  };
  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async request => {
          const decision = await policy.handle(
            { permission: request.permission } as PolicyQuery,
            userOf(credentials),
          );
          // A conditional answer about one resource is not needed by these tests: refuse it.
          return decision.result === AuthorizeResult.CONDITIONAL
            ? { result: AuthorizeResult.DENY }
            : { result: decision.result };
        }),
      );
    },
    async authorizeConditional(queries, { credentials }) {
      return Promise.all(
        queries.map(query =>
          policy.handle(
            { permission: query.permission } as PolicyQuery,
            userOf(credentials),
          ),
        ),
      ) as any;
    },
  };
}

const examplePermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => policyPermissions(new ExamplePolicy()),
});

function main() {
  if (process.env.RELIABILITY_METRICS_PORT) {
    // Before the backend starts: the metrics service takes its meters from the global provider.
    const exporter = new PrometheusExporter({
      host: '127.0.0.1',
      port: Number(process.env.RELIABILITY_METRICS_PORT),
    });
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter] }));
  }
  const root = resolve(__dirname, '../../../..');
  const port = Number(process.env.RELIABILITY_PORT ?? 7048);
  const evalSeconds = Number(process.env.RELIABILITY_EVAL_SECONDS ?? 60);
  const appConfig = parse(
    readFileSync(resolve(root, 'app-config.yaml'), 'utf8'),
  );
  const file = (path: string) => ({
    type: 'file',
    target: resolve(root, path),
  });

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port, host: '127.0.0.1' },
          database: process.env.RELIABILITY_POSTGRES_URL
            ? {
                client: 'pg',
                connection: process.env.RELIABILITY_POSTGRES_URL,
                prefix: process.env.RELIABILITY_DATABASE_PREFIX,
              }
            : { client: 'better-sqlite3', connection: ':memory:' },
          actions: { pluginSources: ['catalog', 'reliability'] },
        },
        permission: { enabled: true },
        mcpActions: { name: 'Reliability example' },
        catalog: {
          rules: [
            {
              allow: [
                'Component',
                'System',
                'API',
                'Group',
                'User',
                'Location',
              ],
            },
          ],
          locations: [
            file('examples/entities.yaml'),
            file('examples/org.yaml'),
            file('examples/teams/payments/catalog-info.yaml'),
            file('examples/services/checkout/catalog-info.yaml'),
            file('examples/services/payments/catalog-info.yaml'),
            file('examples/services/status-page/catalog-info.yaml'),
          ],
        },
        reliability: {
          evaluation: { frequency: { seconds: evalSeconds } },
          catalog: { refreshFrequency: { seconds: 5 } },
          scorecards: appConfig.reliability?.scorecards ?? [],
          metrics: { onCallCoverageFrequency: { seconds: 5 } },
          alertmanager: { webhookToken: EXAMPLE_WEBHOOK_TOKEN },
          scorecardSchedule: {
            frequency: { seconds: 15 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 5 },
          },
        },
      },
    }),
  );
  // Mock tokens name the user directly; see the header comment.
  backend.add(mockServices.auth.factory());
  backend.add(
    mockServices.httpAuth.factory({
      defaultCredentials: mockCredentials.none(),
    }),
  );
  backend.add(mockServices.userInfo.factory());
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(examplePermissions);
  backend.add(import('@backstage/plugin-mcp-actions-backend'));
  backend.add(import('../index'));
  backend.start().catch(error => {
    process.stderr.write(`backend failed to start: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}

if (require.main === module) {
  main();
}
