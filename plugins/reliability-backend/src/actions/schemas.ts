import type { z as zod } from 'zod/v3';
import {
  EntityOnCall,
  EntityRunbookTreeView,
  OnCallAssignment,
  RunbookView,
  ScorecardResultView,
  SloView,
} from '@reliability/backstage-plugin-common';

/** The zod the actions registry hands to schema functions. */
export type Zod = typeof zod;

/*
 * Output schemas shared by several actions, and the functions that map the REST API's views
 * into them. The views are the routes' own; these only pick what an assistant needs, so that a
 * tool answer stays short.
 */

export const sloSchema = (z: Zod) =>
  z.object({
    id: z.string().describe('The SLO id, for other reliability actions'),
    entityRef: z.string(),
    name: z.string(),
    displayName: z.string().nullable(),
    owner: z.string().nullable(),
    tier: z.string().nullable(),
    targetPercent: z
      .number()
      .describe('The objective, e.g. 99.9 for 99.9 % good events'),
    sli: z
      .number()
      .nullable()
      .describe(
        'Share of good events over the SLO window, 0 to 1; null when unknown',
      ),
    sliStatus: z.enum(['measured', 'no-traffic', 'no-data']).nullable(),
    budget: z
      .object({
        remaining: z
          .number()
          .nullable()
          .describe(
            'Share of the error budget left: 1 untouched, 0 spent, below 0 overspent',
          ),
        consumed: z.number().nullable(),
        periodStart: z.string(),
        periodEnd: z.string(),
      })
      .nullable(),
    burnRates: z
      .array(
        z.object({
          window: z.string().describe('Prometheus duration, e.g. 1h'),
          burnRate: z
            .number()
            .nullable()
            .describe(
              '1 spends the budget exactly over the SLO window; 14.4 in 1h pages',
            ),
        }),
      )
      .describe('Burn rate per alert window, shortest first'),
    policy: z.object({
      state: z.enum(['healthy', 'warning', 'exhausted', 'unknown']),
      reason: z.string(),
    }),
    alerts: z
      .object({
        page: z.enum(['firing', 'ok', 'unknown']),
        ticket: z.enum(['firing', 'ok', 'unknown']),
      })
      .nullable(),
    forecast: z
      .object({
        status: z.enum(['exhausted', 'burning', 'not-burning', 'unknown']),
        exhaustionAt: z.string().nullable(),
      })
      .nullable(),
    valuesAt: z
      .string()
      .nullable()
      .describe('The time the values describe, ISO 8601'),
    stale: z.boolean(),
    error: z.string().nullable(),
  });

export function sloOutput(
  slo: SloView,
): zod.infer<ReturnType<typeof sloSchema>> {
  const status = slo.status;
  return {
    id: slo.id,
    entityRef: slo.entityRef,
    name: slo.name,
    displayName: slo.displayName,
    owner: slo.owner,
    tier: slo.tier,
    targetPercent: slo.objective.targetPercent,
    sli: status?.sli ?? null,
    sliStatus: status?.sliStatus ?? null,
    budget: status?.budget
      ? {
          remaining: status.budget.remaining,
          consumed: status.budget.consumed,
          periodStart: status.budget.periodStart,
          periodEnd: status.budget.periodEnd,
        }
      : null,
    burnRates: (status?.burnRates ?? []).map(rate => ({
      window: rate.window,
      burnRate: rate.burnRate,
    })),
    policy: status?.policy ?? {
      state: 'unknown',
      reason: 'Not evaluated yet',
    },
    alerts: status?.alerts
      ? { page: status.alerts.page, ticket: status.alerts.ticket }
      : null,
    forecast: status?.forecast
      ? {
          status: status.forecast.status,
          exhaustionAt: status.forecast.exhaustionAt,
        }
      : null,
    valuesAt: status?.valuesAt ?? null,
    stale: status?.stale ?? false,
    error: status?.error ?? null,
  };
}

const assignmentSchema = (z: Zod) =>
  z.object({
    name: z.string(),
    userRef: z.string().optional(),
    email: z.string().optional(),
    start: z.string().optional(),
    end: z.string().optional(),
    scheduleName: z.string().optional(),
    escalationLevel: z
      .number()
      .optional()
      .describe('1 is paged first, 2 when 1 does not acknowledge'),
  });

function assignmentOutput(assignment: OnCallAssignment) {
  return {
    name: assignment.person.name,
    userRef: assignment.person.userRef,
    email: assignment.person.email,
    start: assignment.start,
    end: assignment.end,
    scheduleName: assignment.scheduleName,
    escalationLevel: assignment.escalationLevel,
  };
}

export const onCallSchema = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    status: z
      .enum(['ok', 'unresolved', 'error'])
      .describe('unresolved: no on-call mapping; error: the provider failed'),
    source: z
      .string()
      .nullable()
      .describe('pagerduty, opsgenie, rotation, jsm, goalert …'),
    mappedBy: z
      .string()
      .nullable()
      .describe(
        'The entity (itself or its team) whose annotation names the schedule',
      ),
    now: z.array(assignmentSchema(z)).describe('On call now'),
    next: z.array(assignmentSchema(z)).describe('The next shift'),
    contactLinks: z.array(z.object({ title: z.string(), url: z.string() })),
    stale: z.boolean(),
    reasons: z.array(z.string()),
    error: z.string().optional(),
  });

export function onCallOutput(
  onCall: EntityOnCall,
): zod.infer<ReturnType<typeof onCallSchema>> {
  return {
    entityRef: onCall.entityRef,
    status: onCall.status,
    source: onCall.resolution?.source ?? null,
    mappedBy: onCall.resolution?.mappedBy ?? null,
    now: onCall.now.map(assignmentOutput),
    next: onCall.next.map(assignmentOutput),
    contactLinks: onCall.contactLinks.map(link => ({
      title: link.title,
      url: link.url,
    })),
    stale: onCall.stale,
    reasons: onCall.reasons,
    error: onCall.error,
  };
}

export const runbookSchema = (z: Zod) =>
  z.object({
    title: z.string(),
    url: z.string().optional(),
    path: z.string().optional(),
    check: z
      .enum(['reachable', 'unreachable', 'refused', 'not-checked'])
      .describe('The last link check'),
    alerts: z
      .array(z.string())
      .describe('The SLO alerts that name this runbook'),
  });

export function runbookOutput(
  runbook: RunbookView,
): zod.infer<ReturnType<typeof runbookSchema>> {
  return {
    title: runbook.title,
    url: runbook.url,
    path: runbook.path,
    check: runbook.check?.outcome ?? 'not-checked',
    alerts: runbook.alerts.map(
      alert => `${alert.alertName} (${alert.severity})`,
    ),
  };
}

export const failingCheckSchema = (z: Zod) =>
  z.object({
    scorecardId: z.string(),
    entityRef: z.string(),
    checkId: z.string(),
    title: z.string(),
    level: z.string().nullable().describe('The level this check belongs to'),
    message: z.string().describe('What the check found'),
    remediation: z.string().nullable().describe('How to make the check pass'),
    docsUrl: z.string().nullable(),
  });

export const scorecardSchema = (z: Zod) =>
  z.object({
    scorecardId: z.string(),
    title: z.string(),
    level: z
      .string()
      .nullable()
      .describe('The level reached; null when not even the first'),
    nextLevel: z.string().nullable(),
    evaluatedAt: z.string(),
    failingChecks: z.array(failingCheckSchema(z)),
  });

/** The checks of a result that fail (exempted checks pass). */
export function failingChecksOf(
  view: ScorecardResultView,
): Array<zod.infer<ReturnType<typeof failingCheckSchema>>> {
  return view.checks
    .filter(check => check.status === 'fail')
    .map(check => ({
      scorecardId: view.scorecardId,
      entityRef: view.entityRef,
      checkId: check.id,
      title: check.title,
      level: check.level,
      message: check.message,
      remediation: check.remediation,
      docsUrl: check.docsUrl,
    }));
}

export function scorecardOutput(
  view: ScorecardResultView,
): zod.infer<ReturnType<typeof scorecardSchema>> {
  return {
    scorecardId: view.scorecardId,
    title: view.title,
    level: view.level,
    nextLevel: view.nextLevel,
    evaluatedAt: view.evaluatedAt,
    failingChecks: failingChecksOf(view),
  };
}

/** An entity's decision-tree runbook, so an assistant can guide a responder through it. */
export const decisionTreeSchema = (z: Zod) =>
  z
    .object({
      title: z.string(),
      file: z.string().describe('The runbook file, as the entity names it'),
      start: z.string().describe('The node a walk starts at without an alert'),
      entryPoints: z
        .array(z.object({ alert: z.string(), node: z.string() }))
        .describe('Where to start when an alert of that name fires'),
      nodes: z
        .array(
          z.object({
            id: z.string(),
            title: z.string(),
            type: z.enum(['question', 'action']),
            question: z.string().optional(),
            answers: z
              .array(z.object({ label: z.string(), next: z.string() }))
              .optional()
              .describe('Each answer and the node it leads to'),
            action: z.string().optional().describe('What to do, in Markdown'),
            commands: z.array(z.string()).optional(),
            next: z.string().optional(),
            end: z
              .enum(['resolved', 'escalate'])
              .optional()
              .describe('How the walk ends at this node'),
            escalateTo: z
              .string()
              .optional()
              .describe(
                "Who to escalate to (a rotation or group); absent for the entity's own on-call",
              ),
            evidenceSlos: z
              .array(z.string())
              .describe('SLOs whose live SLI and burn rates answer this step'),
          }),
        )
        .describe('The nodes in the order written'),
      problems: z
        .number()
        .describe(
          'Problems in the runbook file (the tree is absent when its structure is broken)',
        ),
      lastWalkedAt: z.string().optional(),
      lastChangedAt: z.string().optional(),
      openFlags: z
        .number()
        .describe(
          'Steps responders flagged as wrong or outdated, not yet resolved',
        ),
    })
    .nullable()
    .describe(
      'The decision-tree runbook (reliability/runbook naming a .yaml file), or null when the entity has none',
    );

export function decisionTreeOutput(
  state: Pick<
    EntityRunbookTreeView,
    'runbook' | 'problems' | 'lastWalk' | 'lastChangedAt' | 'openFlags'
  >,
): zod.infer<ReturnType<typeof decisionTreeSchema>> {
  const tree = state.runbook;
  if (!tree) {
    return null;
  }
  return {
    title: tree.title,
    file: tree.file,
    start: tree.start,
    entryPoints: tree.entryPoints.map(e => ({ alert: e.alert, node: e.node })),
    nodes: tree.nodes.map(node => ({
      id: node.id,
      title: node.title,
      type: node.type,
      ...(node.type === 'question'
        ? {
            question: node.question,
            answers: node.answers.map(a => ({ label: a.label, next: a.next })),
          }
        : {
            action: node.action,
            commands: node.commands,
            ...(node.next ? { next: node.next } : {}),
            ...(node.end ? { end: node.end } : {}),
            ...(node.escalation?.to ? { escalateTo: node.escalation.to } : {}),
          }),
      evidenceSlos: node.evidence.flatMap(e =>
        e.type === 'slo' ? [e.slo] : [],
      ),
    })),
    problems: state.problems.length,
    ...(state.lastWalk ? { lastWalkedAt: state.lastWalk.walkedAt } : {}),
    ...(state.lastChangedAt ? { lastChangedAt: state.lastChangedAt } : {}),
    openFlags: state.openFlags.length,
  };
}
