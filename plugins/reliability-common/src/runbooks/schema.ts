import { z } from 'zod';
import { strictObject } from '../spec/validation/strictObject';

/**
 * The `apiVersion` of runbook files.
 *
 * @public
 */
export const RUNBOOK_API_VERSION = 'reliability.dev/v1';

/**
 * The `kind` of runbook files.
 *
 * @public
 */
export const RUNBOOK_KIND = 'Runbook';

// Caps that keep a runbook walkable at night and its checks bounded.
const MAX_NODES = 500;
const MAX_ANSWERS = 20;
const MAX_ITEMS = 50;
const MAX_ENTRY_POINTS = 200;

const atMost = (count: number, what: string, fix: string) => ({
  error: `at most ${count} ${what} are allowed; ${fix}`,
});

const linkShape = {
  title: z.string(),
  url: z.string(),
  params: z.record(z.string(), z.string()).optional(),
};

const linkSchema = strictObject(linkShape);

// One shape for both kinds of evidence, so that a wrong field gets a precise message rather than
// a union's "no variant matched"; the reader checks that exactly one of slo and url is given.
const evidenceSchema = strictObject({
  slo: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
  note: z.string().optional(),
});

const answerSchema = strictObject({
  answer: z.string(),
  next: z.string(),
});

// Likewise one shape for questions and actions; the reader tells them apart.
const nodeSchema = strictObject({
  title: z.string().optional(),
  question: z.string().optional(),
  answers: z
    .array(answerSchema)
    .max(
      MAX_ANSWERS,
      atMost(MAX_ANSWERS, 'answers', 'split the question in two'),
    )
    .optional(),
  action: z.string().optional(),
  commands: z
    .array(z.string())
    .max(MAX_ITEMS, atMost(MAX_ITEMS, 'commands', 'link a script instead'))
    .optional(),
  links: z
    .array(linkSchema)
    .max(MAX_ITEMS, atMost(MAX_ITEMS, 'links', 'keep the ones that help'))
    .optional(),
  evidence: z
    .array(evidenceSchema)
    .max(MAX_ITEMS, atMost(MAX_ITEMS, 'evidence items', 'keep a few'))
    .optional(),
  next: z.string().optional(),
  end: z
    .enum(['resolved', 'escalate'], {
      error: 'end is "resolved" or "escalate"',
    })
    .optional(),
  escalation: strictObject({
    to: z.string().optional(),
    message: z.string().optional(),
  }).optional(),
});

/**
 * The structure of a runbook file; values and the graph are checked further in
 * `parseRunbookFile`.
 *
 * @internal
 */
export const runbookFileSchema = strictObject({
  apiVersion: z.literal(RUNBOOK_API_VERSION),
  kind: z.literal(RUNBOOK_KIND),
  metadata: strictObject({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
  }),
  spec: strictObject({
    start: z.string().optional(),
    entryPoints: z
      .array(strictObject({ alert: z.string(), node: z.string() }))
      .max(
        MAX_ENTRY_POINTS,
        atMost(MAX_ENTRY_POINTS, 'entry points', 'split the runbook'),
      )
      .optional(),
    nodes: z
      .record(z.string(), nodeSchema)
      .refine(nodes => Object.keys(nodes).length <= MAX_NODES, {
        error: `at most ${MAX_NODES} nodes are allowed; split the runbook`,
      }),
  }),
});

/**
 * A runbook file whose structure is right.
 *
 * @internal
 */
export type RunbookFileInput = z.infer<typeof runbookFileSchema>;

/**
 * One node as written.
 *
 * @internal
 */
export type RunbookNodeInput = RunbookFileInput['spec']['nodes'][string];
