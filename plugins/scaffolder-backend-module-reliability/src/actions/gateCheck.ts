import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ReleaseGateView } from '@reliability/backstage-plugin-common';
import { gateCheckExamples } from './gateCheck.examples';

/** The id templates name in `action:`. */
export const GATE_CHECK_ACTION_ID = 'reliability:gate:check';

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * What {@link createReliabilityGateCheckAction} needs.
 *
 * @public
 */
export interface ReliabilityGateCheckActionOptions {
  /** Finds the Reliability backend (`getBaseUrl('reliability')`). */
  discovery: DiscoveryService;
  /** Makes the token that asks the gate on behalf of the template's user. */
  auth: AuthService;
  /** `app.baseUrl`, for the `url` output (the entity's Reliability tab); the gate route without it. */
  appBaseUrl?: string;
}

type GateAnswer =
  | { kind: 'answer'; view: ReleaseGateView }
  | { kind: 'no-answer'; message: string };

function parseRef(text: string): CompoundEntityRef {
  try {
    return parseEntityRef(text.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `entityRef must be an entity ref such as component:default/checkout (kind and namespace may be left out), got "${text}"`,
    );
  }
}

function refPath(ref: CompoundEntityRef): string {
  return [ref.kind, ref.namespace, ref.name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}

/** The message of a Backstage error body (`{ error: { message } }`), or the start of the text. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // Not JSON: a proxy's page, for instance.
  }
  return text.trim().slice(0, 300) || response.statusText || 'no message';
}

/**
 * The scaffolder action `reliability:gate:check`: asks the Reliability backend's release gate
 * (`GET /api/reliability/gate/{kind}/{namespace}/{name}`) whether the entity may release now,
 * as the user who runs the template, and fails the step on a block (or a warning, with
 * `failOn: warn`) with the gate's reason.
 *
 * @public
 */
export function createReliabilityGateCheckAction(
  options: ReliabilityGateCheckActionOptions,
) {
  const { discovery, auth } = options;
  const appBaseUrl = options.appBaseUrl?.replace(/\/+$/, '');

  return createTemplateAction({
    id: GATE_CHECK_ACTION_ID,
    description:
      "Asks the Reliability release gate whether an entity may release now (its error budgets, burn-rate alerts, freezes and overrides) and fails the step when the gate blocks, or warns with failOn: warn. Runs as the template's user; the decision is recorded with the user's name (a dry run only previews it).",
    examples: gateCheckExamples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .min(1)
            .describe(
              'The entity that is about to release, e.g. component:default/checkout (kind and namespace may be left out)',
            ),
        release: z =>
          z
            .string()
            .max(63)
            .optional()
            .describe(
              'The declared kind of the release, e.g. fix: passes a budget block when the policy allows it (allowDuringBlock)',
            ),
        failOn: z =>
          z
            .enum(['block', 'warn'])
            .default('block')
            .describe(
              'block (default): fail the step when the gate blocks; warn: fail on a warning too',
            ),
        onNoAnswer: z =>
          z
            .enum(['fail', 'continue'])
            .default('fail')
            .describe(
              'When the gate cannot answer (backend down, timeout, 5xx): fail (default), or continue with decision unknown',
            ),
        timeoutSeconds: z =>
          z
            .number()
            .int()
            .min(1)
            .max(600)
            .default(DEFAULT_TIMEOUT_SECONDS)
            .describe('How long to wait for the gate; default 30'),
      },
      output: {
        decision: z =>
          z
            .enum(['allow', 'warn', 'block', 'unknown'])
            .describe(
              'The gate’s decision; unknown when it could not answer and onNoAnswer is continue',
            ),
        allowed: z =>
          z
            .boolean()
            .describe('decision is allow or warn: the release may go on'),
        rule: z =>
          z
            .string()
            .describe(
              'The rule that decided, e.g. budget-exhausted, freeze, low-budget, within-budget',
            ),
        reasons: z =>
          z
            .array(z.string())
            .describe('Every rule that applied, the deciding one first'),
        summary: z => z.string().describe('One line, the gate’s summary'),
        expectedLiftAt: z =>
          z
            .string()
            .optional()
            .describe(
              'When a block is expected to lift at the current burn (ISO 8601), when the gate says',
            ),
        url: z =>
          z
            .string()
            .describe(
              "The entity's Reliability tab (app.baseUrl), or the gate route without app.baseUrl",
            ),
      },
    },
    async handler(ctx) {
      const ref = parseRef(ctx.input.entityRef);
      const entityRef =
        `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
      const failOn = ctx.input.failOn ?? 'block';
      const onNoAnswer = ctx.input.onNoAnswer ?? 'fail';
      const timeoutSeconds =
        ctx.input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
      const release = ctx.input.release?.trim() || undefined;

      const baseUrl = await discovery.getBaseUrl('reliability');
      const gateUrl = new URL(`${baseUrl}/gate/${refPath(ref)}`);
      if (release) gateUrl.searchParams.set('release', release);
      // A real run is a release decision and is recorded with the user's name, as the CLI's and
      // Flagger's are; a dry run deploys nothing, so it only previews (records no decision).
      if (ctx.isDryRun) gateUrl.searchParams.set('preview', 'true');
      const url = appBaseUrl
        ? `${appBaseUrl}/catalog/${[ref.namespace, ref.kind, ref.name]
            .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
            .join('/')}/reliability`
        : gateUrl.toString().replace(/\?.*$/, '');

      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await ctx.getInitiatorCredentials(),
        targetPluginId: 'reliability',
      });

      const answer = await askGate(gateUrl, token, entityRef, {
        timeoutMs: timeoutSeconds * 1000,
        signal: ctx.signal,
      });

      if (answer.kind === 'no-answer') {
        if (onNoAnswer === 'fail') {
          throw new ServiceUnavailableError(
            `${answer.message}; set onNoAnswer: continue to go on without the gate`,
          );
        }
        ctx.logger.warn(
          `Release gate for ${entityRef}: no answer (${answer.message}); continuing as onNoAnswer is continue`,
        );
        ctx.output('decision', 'unknown');
        ctx.output('allowed', true);
        ctx.output('rule', 'no-answer');
        ctx.output('reasons', [answer.message]);
        ctx.output(
          'summary',
          `The release gate could not answer: ${answer.message}`,
        );
        ctx.output('url', url);
        return;
      }

      const { view } = answer;
      let lift = '';
      if (view.decision === 'block') {
        lift = view.expectedLiftAt
          ? `; expected to lift at ${view.expectedLiftAt}`
          : '; not expected to lift at the current burn';
      }
      const line = `Release gate for ${view.entityRef}${
        release ? ` (release ${release})` : ''
      }: ${view.decision}: ${view.summary}${lift}`;
      if (view.decision === 'allow') ctx.logger.info(line);
      else ctx.logger.warn(line);
      for (const reason of view.reasons) {
        ctx.logger.info(
          `  ${reason.effect} (${reason.rule}): ${reason.message}`,
        );
      }

      ctx.output('decision', view.decision);
      ctx.output('allowed', view.allowed);
      ctx.output('rule', view.rule);
      ctx.output(
        'reasons',
        view.reasons.map(reason => reason.message),
      );
      ctx.output('summary', view.summary);
      if (view.expectedLiftAt)
        ctx.output('expectedLiftAt', view.expectedLiftAt);
      ctx.output('url', url);

      const fails =
        view.decision === 'block' ||
        (view.decision === 'warn' && failOn === 'warn');
      if (!fails) return;
      const why = `${view.summary}${lift}${
        view.decision === 'warn' ? ' (failOn: warn)' : ''
      }`;
      if (ctx.isDryRun) {
        ctx.logger.warn(`Dry run: a real run would stop here: ${why}`);
        return;
      }
      throw new NotAllowedError(
        `The release gate stops ${view.entityRef}: ${why}`,
      );
    },
  });
}

async function askGate(
  url: URL,
  token: string,
  entityRef: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<GateAnswer> {
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (options.signal?.aborted) {
      throw new ServiceUnavailableError(
        `Asking the release gate for ${entityRef} was cancelled`,
      );
    }
    const err = error as Error & { cause?: { code?: string } };
    const why =
      err.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs / 1000} s`
        : err.cause?.code ?? err.message;
    return {
      kind: 'no-answer',
      message: `cannot reach the Reliability backend at ${url.origin}: ${why}`,
    };
  }
  if (response.ok) {
    let view: ReleaseGateView;
    try {
      view = (await response.json()) as ReleaseGateView;
    } catch {
      return {
        kind: 'no-answer',
        message: `the release gate at ${url.origin} answered ${response.status} with a body that is not JSON`,
      };
    }
    if (
      !['allow', 'warn', 'block'].includes(view?.decision) ||
      !Array.isArray(view.reasons)
    ) {
      return {
        kind: 'no-answer',
        message: `the release gate at ${url.origin} answered without a decision; is the Reliability backend installed there?`,
      };
    }
    return { kind: 'answer', view };
  }
  const message = await errorMessage(response);
  switch (response.status) {
    case 400:
      throw new InputError(`The release gate refused the request: ${message}`);
    case 401:
      throw new AuthenticationError(
        `The release gate did not accept the template user's credentials: ${message}`,
      );
    case 403:
      throw new NotAllowedError(
        `You may not ask the release gate for ${entityRef}: ${message}`,
      );
    case 404:
      throw new NotFoundError(
        `The release gate knows no entity ${entityRef} (it is not in the catalog, or you may not read it): ${message}. Check the step's entityRef.`,
      );
    default:
      if (response.status >= 500 || response.status === 429) {
        return {
          kind: 'no-answer',
          message: `the release gate answered ${response.status}: ${message}`,
        };
      }
      throw new InputError(
        `The release gate answered ${response.status}: ${message}`,
      );
  }
}
