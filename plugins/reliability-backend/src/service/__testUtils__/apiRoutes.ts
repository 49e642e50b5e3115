import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { spec } from '../../schema/openapi.generated';
import { createRouter, RouterOptions } from '../router';

/** A route as `METHOD /path/{param}`, the way the OpenAPI spec writes paths. */
export type RouteKey = string;

/**
 * Routes the validated router adds by itself: it serves its own spec. Not part of the spec, but
 * served (to callers with credentials) like every other route.
 */
export const FRAMEWORK_ROUTES: readonly RouteKey[] = ['GET /openapi.json'];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];

interface ExpressLayer {
  name: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: {
    stack?: ExpressLayer[];
    // The dispatcher of createPartitionedOpenApiRouter.
    parts?: { stack: ExpressLayer[] }[];
    whole?: { stack: ExpressLayer[] };
  };
  regexp: { fast_slash?: boolean };
}

/** Routes of a router and of the routers it mounts at its root. */
function routesOf(stack: ExpressLayer[]): RouteKey[] {
  return stack.flatMap(layer => {
    if (layer.route) {
      const route = layer.route;
      return Object.keys(route.methods)
        .filter(method => route.methods[method])
        .map(
          method =>
            `${method.toUpperCase()} ${route.path.replace(
              /:([A-Za-z0-9_]+)/g,
              '{$1}',
            )}`,
        );
    }
    const { parts, whole } = layer.handle;
    if (parts && whole) {
      // Each part serves its own share of the spec at /openapi.json, which no request reaches:
      // the dispatcher sends that path to the whole spec's router.
      return [
        ...parts.flatMap(part =>
          routesOf(part.stack).filter(key => !FRAMEWORK_ROUTES.includes(key)),
        ),
        ...routesOf(whole.stack),
      ];
    }
    if (layer.handle.stack) {
      if (!layer.regexp.fast_slash) {
        throw new Error(
          'A router mounted below the root: read its mount path too',
        );
      }
      return routesOf(layer.handle.stack);
    }
    return [];
  });
}

/**
 * Every route `createRouter` registers, read from the express stack of a router built with fakes,
 * so that a route added to the code is found without anyone listing it.
 */
export async function listRouterRoutes(): Promise<RouteKey[]> {
  const unused = new Proxy(
    {},
    {
      get: (_target, property) => {
        throw new Error(
          `building the router must not use its services (read ${String(
            property,
          )})`,
        );
      },
    },
  );
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({ entities: [] }),
    logger: mockServices.logger.mock(),
    slos: unused,
    events: unused,
    onCall: unused,
    runbooks: unused,
    alerts: unused,
    alertQuality: unused,
    alertmanager: undefined,
    scorecards: unused,
    scorecardStore: unused,
    runbookTrees: unused,
    reports: unused,
    releaseGate: {
      auth: unused,
      gate: unused,
      store: unused,
      slos: unused,
      maxOverrideDays: 30,
    },
    userInfo: unused,
  } as unknown as RouterOptions);
  return routesOf((router as unknown as { stack: ExpressLayer[] }).stack);
}

/** A parameter of an operation, with `$ref`s resolved. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: {
    type?: string;
    enum?: readonly string[];
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    format?: string;
  };
}

/** An operation of the spec. */
export interface SpecOperation {
  key: RouteKey;
  method: string;
  path: string;
  operationId: string;
  description: string;
  parameters: SpecParameter[];
  /** The JSON schema of the request body, when it has one. */
  body?: { required: boolean; schema: Record<string, any> };
}

function resolve<T>(value: any): T {
  if (value && typeof value === 'object' && typeof value.$ref === 'string') {
    const path = value.$ref.replace(/^#\//, '').split('/');
    return resolve<T>(
      path.reduce((node: any, part: string) => node[part], spec),
    );
  }
  return value as T;
}

/** Every operation of `src/schema/openapi.yaml`, from its generated module. */
export function listSpecOperations(): SpecOperation[] {
  const paths = spec.paths as Record<string, Record<string, any>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]): SpecOperation => {
        const content = resolve<any>(operation.requestBody)?.content?.[
          'application/json'
        ];
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId,
          description: operation.description ?? '',
          parameters: [
            ...(item.parameters ?? []),
            ...(operation.parameters ?? []),
          ].map(p => resolve<SpecParameter>(p)),
          body: content
            ? {
                required: Boolean(resolve<any>(operation.requestBody).required),
                schema: resolve<Record<string, any>>(content.schema),
              }
            : undefined,
        };
      }),
  );
}

/** Fills a spec path's `{params}` from `values`; unknown params throw, so no path stays a template. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    if (!(name in values)) {
      throw new Error(`No example value for the path parameter '${name}'`);
    }
    return encodeURIComponent(values[name]);
  });
}
