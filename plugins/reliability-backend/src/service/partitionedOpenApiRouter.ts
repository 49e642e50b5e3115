import {
  ApiRouter,
  createValidatedOpenApiRouter,
} from '@backstage/backend-openapi-utils';
import express from 'express';

type ValidatedRouterOptions = NonNullable<
  Parameters<typeof createValidatedOpenApiRouter>[1]
>;
type OpenApiDoc = Parameters<typeof createValidatedOpenApiRouter>[0];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

/**
 * Where handlers are registered: the typed `get`, `post`, … of a validated router.
 *
 * @internal
 */
export type OpenApiRouteRegistrar<Doc extends OpenApiDoc> = Pick<
  ApiRouter<Doc>,
  Method
>;

/**
 * The shape of a path that decides which validator checks it: its number of segments, its first
 * and its last segment, a parameter (`{id}` in the spec, `:id` in a handler's path) being `*`.
 * Static segments are lower-cased because express and the validator match paths case-blind.
 */
function shapeKey(segments: string[], isParameter: (s: string) => boolean) {
  const shape = (segment: string | undefined) =>
    segment === undefined || isParameter(segment) ? '*' : segment.toLowerCase();
  return `${segments.length} ${shape(segments[0])} ${shape(
    segments[segments.length - 1],
  )}`;
}

function segmentsOf(path: string): string[] {
  // Express routes `/slos/` like `/slos` (non-strict routing).
  return path.split('/').filter((segment, i, all) => {
    return i > 0 && !(segment === '' && i === all.length - 1);
  });
}

const isSpecParameter = (segment: string) => /^\{.*\}$/.test(segment);
const isExpressParameter = (segment: string) => segment.startsWith(':');

/** The keys a request path may belong to, most specific first (static before parameter). */
function candidateKeys(path: string): string[] {
  const segments = segmentsOf(path);
  const n = segments.length;
  const first = (segments[0] ?? '').toLowerCase();
  const last = (segments[n - 1] ?? '').toLowerCase();
  return [
    ...new Set([
      `${n} ${first} ${last}`,
      `${n} ${first} *`,
      `${n} * ${last}`,
      `${n} * *`,
    ]),
  ];
}

/**
 * The spec's `$ref`s reachable from `value`, followed through `components`, so that a part of
 * the spec carries only the components its paths use.
 */
function reachableComponents(
  doc: OpenApiDoc,
  roots: unknown[],
): Record<string, Record<string, unknown>> {
  const components = (doc.components ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const picked: Record<string, Record<string, unknown>> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') {
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const match =
        key === '$ref' && typeof child === 'string'
          ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(child)
          : null;
      if (match) {
        const [, section, name] = match;
        if (!picked[section]?.[name] && components[section]?.[name]) {
          picked[section] = {
            ...picked[section],
            [name]: components[section][name],
          };
          visit(components[section][name]);
        }
      } else {
        visit(child);
      }
    }
  };
  visit(roots);
  // Security schemes are named by operations, not referenced with `$ref`.
  if (components.securitySchemes) {
    picked.securitySchemes = components.securitySchemes;
  }
  return picked;
}

/**
 * A validated router made on first use, with the handlers registered before then. Making one
 * costs about 0.1 s (its own Ajv and a pass over its schemas): a backend pays only for the
 * parts its callers reach, and a test building the router for a few routes pays for those.
 */
class LazyRouter {
  #router?: express.Router;
  readonly #registrations: ((router: express.Router) => void)[] = [];

  constructor(private readonly create: () => express.Router) {}

  register(add: (router: express.Router) => void) {
    this.#registrations.push(add);
    if (this.#router) {
      add(this.#router);
    }
  }

  get router(): express.Router {
    if (!this.#router) {
      const router = this.create();
      this.#registrations.forEach(add => add(router));
      this.#router = router;
    }
    return this.#router;
  }
}

/**
 * An API router validated against `spec` like `createValidatedOpenApiRouter`'s, split into one
 * validated router per path shape (segment count, first and last segment) behind a dispatcher
 * that picks the right one from the request's path.
 *
 * Why: express-openapi-validator (5.6) finds a request's route by compiling the regular
 * expression of every documented path, in its sorted order, until one matches, on every request
 * (`lookupRoute`). With 52 paths the entity SLO route, 28th, compiled 28 expressions per call:
 * under load the validator's route lookup took more CPU than the handler, and the route answered
 * slower than the catalog's. Each part here holds one to three paths, so a request compiles one
 * to three. Validation itself is unchanged: each part validates with the same options against
 * the same schemas, and requests no part documents go to a validator of the whole spec, which
 * also serves `/openapi.json`. Each part's validator is made when its first request comes.
 *
 * @internal
 */
export function createPartitionedOpenApiRouter<Doc extends OpenApiDoc>(
  spec: Doc,
  options: ValidatedRouterOptions,
): { router: express.Router; routes: OpenApiRouteRegistrar<Doc> } {
  const paths = (spec.paths ?? {}) as Record<string, unknown>;
  const pathsByKey = new Map<string, Record<string, unknown>>();
  for (const [path, item] of Object.entries(paths)) {
    const key = shapeKey(segmentsOf(path), isSpecParameter);
    pathsByKey.set(key, { ...pathsByKey.get(key), [path]: item });
  }
  const parts = new Map<string, LazyRouter>();
  for (const [key, partPaths] of pathsByKey) {
    const partSpec = {
      ...spec,
      paths: partPaths,
      components: reachableComponents(spec, Object.values(partPaths)),
    } as Doc;
    parts.set(
      key,
      new LazyRouter(() => createValidatedOpenApiRouter(partSpec, options)),
    );
  }
  const whole = new LazyRouter(() =>
    createValidatedOpenApiRouter(spec, options),
  );

  const routes = {} as Record<
    Method,
    (path: string, ...handlers: express.RequestHandler[]) => unknown
  >;
  for (const method of METHODS) {
    routes[method] = (path, ...handlers) => {
      const part =
        parts.get(shapeKey(segmentsOf(path), isExpressParameter)) ?? whole;
      // What `router[method](path, …handlers)` does, with one signature for every method.
      part.register(router => router.route(path)[method](...handlers));
      return routes;
    };
  }

  const dispatch = (
    req: express.Request,
    res: express.Response,
    next: express.NextFunction,
  ) => {
    const chain = candidateKeys(req.path)
      .map(key => parts.get(key))
      .filter((part): part is LazyRouter => part !== undefined);
    chain.push(whole);
    // A part that does not answer passes the request on to the next, then to `next`.
    const run = (index: number) => (error?: unknown) => {
      if (error !== undefined && error !== 'router' && error !== 'route') {
        next(error);
      } else if (index === chain.length) {
        next();
      } else {
        chain[index].router(req, res, run(index + 1));
      }
    };
    run(0)();
  };
  // The parts stay reachable for tests that list every route from the express stack.
  Object.defineProperties(dispatch, {
    parts: { get: () => [...parts.values()].map(part => part.router) },
    whole: { get: () => whole.router },
  });
  const router = express.Router();
  router.use(dispatch);
  return { router, routes: routes as unknown as OpenApiRouteRegistrar<Doc> };
}
