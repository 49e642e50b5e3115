import type { SpecProblem } from '../problems';
import type { ServiceLevelObjective } from '../spec/model';
import { sortProblems } from '../spec/sortProblems';
import { readSingleDocument } from '../spec/yaml/readSingleDocument';
import type { NodeTarget } from '../spec/yaml/locateNode';
import type { PathSegment } from '../spec/yaml/path';
import type { YamlObject } from '../spec/yaml/YamlObject';
import { cyclesWithoutExit, reachableFrom, RunbookGraph } from './graph';
import { findRunbookEvidenceSlos, writtenSloNames } from './sloEvidence';
import type {
  RunbookEntryPoint,
  RunbookEvidence,
  RunbookLink,
  RunbookNode,
  RunbookTree,
} from './model';
import {
  RUNBOOK_API_VERSION,
  RUNBOOK_KIND,
  RunbookFileInput,
  runbookFileSchema,
  RunbookNodeInput,
} from './schema';

/**
 * Options of {@link parseRunbookFile}.
 *
 * @public
 */
export interface RunbookParseOptions {
  /** The file as problems should name it: a path or URL. */
  file: string;
  /**
   * The SLOs of the entity the runbook belongs to. When given, SLO evidence must name one of
   * them and every page-level alert of them needs an entry point.
   */
  slos?: readonly ServiceLevelObjective[];
}

/**
 * What parsing a runbook file gives: the tree when the file has no errors, and every problem.
 *
 * @public
 */
export interface RunbookParseResult {
  runbook?: RunbookTree;
  problems: SpecProblem[];
}

/** catalog-model's object names, starting with a letter so that YAML keeps the nodes in order. */
const NODE_ID = /^[A-Za-z][-A-Za-z0-9_.]*$/;
const MAX_NODE_ID_LENGTH = 63;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const ACTION_FIELDS = [
  'action',
  'commands',
  'links',
  'next',
  'end',
  'escalation',
] as const;

/**
 * Parses and validates a runbook file (`apiVersion: reliability.dev/v1`, `kind: Runbook`): a
 * decision tree of questions and actions with entry points per alert. Never throws: every problem
 * carries the file, line, column and path of what is wrong and how to fix it, and a file with an
 * error yields no runbook. Checked beyond the structure: answers and `next` naming no node, entry
 * points and `start` naming no node, nodes no walk reaches, cycles no walk can leave, and, given
 * the entity's SLOs, evidence naming another SLO and page-level alerts without an entry point.
 *
 * @public
 */
export function parseRunbookFile(
  text: string,
  options: RunbookParseOptions,
): RunbookParseResult {
  const file = options?.file ?? '';
  try {
    const result = parse(text, file, options?.slos);
    return { ...result, problems: sortProblems(result.problems) };
  } catch (error) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `the runbook file could not be read: ${
            error instanceof Error ? error.message : String(error)
          }`,
          severity: 'error',
        },
      ],
    };
  }
}

/** Checks the values and the graph of a structurally valid file and builds the tree. */
class RunbookReader {
  readonly problems: SpecProblem[] = [];

  constructor(
    private readonly object: YamlObject,
    private readonly file: string,
    private readonly slos: readonly ServiceLevelObjective[] | undefined,
  ) {}

  read(input: RunbookFileInput): RunbookTree {
    const { metadata, spec } = input;
    if (!NAME.test(metadata.name) || metadata.name.length > 63) {
      this.error(
        ['metadata', 'name'],
        `"${metadata.name}" is not a valid name: use letters, digits, "-", "_" and ".", starting and ending with a letter or digit, at most 63 characters (e.g. checkout)`,
      );
    }
    const ids = Object.keys(spec.nodes);
    if (ids.length === 0) {
      this.error(
        ['spec', 'nodes'],
        'the runbook has no nodes: add a question or an action under spec.nodes',
      );
    }
    const known = new Set(ids);
    const nodes = ids.map(id => this.node(id, spec.nodes[id], known));

    const start = spec.start ?? ids[0] ?? '';
    if (spec.start !== undefined) {
      this.reference(['spec', 'start'], spec.start, known, 'start');
    }
    const entryPoints = this.entryPoints(spec.entryPoints ?? [], known);
    this.checkGraph(nodes, start, entryPoints, spec.start !== undefined);
    this.checkPageAlerts(entryPoints, spec.entryPoints !== undefined);

    return {
      file: this.file,
      name: metadata.name,
      title: metadata.title ?? metadata.name,
      ...(metadata.description !== undefined && {
        description: metadata.description,
      }),
      start,
      entryPoints,
      nodes,
    };
  }

  private node(
    id: string,
    input: RunbookNodeInput,
    known: ReadonlySet<string>,
  ): RunbookNode {
    const path = ['spec', 'nodes', id];
    if (!NODE_ID.test(id) || id.length > MAX_NODE_ID_LENGTH) {
      this.error(
        path,
        `"${id}" is not a valid node id: start with a letter, then use letters, digits, "-", "_" and ".", at most ${MAX_NODE_ID_LENGTH} characters (e.g. check-deploys)`,
        'key',
      );
    }
    const base = {
      id,
      title: this.text(input.title, [...path, 'title']) ?? id,
      evidence: (input.evidence ?? []).map((evidence, index) =>
        this.evidence(evidence, [...path, 'evidence', index]),
      ),
      location: this.object.location(path, 'key'),
    };
    const actionFields = ACTION_FIELDS.filter(
      field => input[field] !== undefined,
    );

    if (input.question !== undefined || input.answers !== undefined) {
      for (const field of actionFields) {
        this.error(
          [...path, field],
          `"${field}" belongs to action nodes, and this node is a question: move the action into a node of its own and point an answer at it`,
          'key',
        );
      }
      if (input.question === undefined) {
        this.error(
          path,
          'the node has answers but no question: add question',
          'key',
        );
      }
      const answers = input.answers ?? [];
      if (answers.length === 0) {
        this.error(
          input.answers === undefined ? path : [...path, 'answers'],
          'a question needs at least one answer: add answers, each with answer and next',
          input.answers === undefined ? 'key' : 'value',
        );
      }
      return {
        ...base,
        type: 'question',
        question: this.text(input.question, [...path, 'question']) ?? '',
        answers: answers.map((answer, index) => {
          const answerPath = [...path, 'answers', index];
          this.text(answer.answer, [...answerPath, 'answer']);
          this.reference([...answerPath, 'next'], answer.next, known, 'answer');
          return { label: answer.answer, next: answer.next };
        }),
      };
    }

    if (input.action === undefined) {
      this.error(
        path,
        'the node is neither a question nor an action: add question and answers, or action with next or end',
        'key',
      );
    }
    if (input.action === undefined) {
      // Reported above; whether it leads anywhere is moot.
    } else if (input.next !== undefined && input.end !== undefined) {
      this.error(
        [...path, 'end'],
        'an action either leads to the next node or ends the walk: keep next or end, not both',
        'key',
      );
    } else if (input.next === undefined && input.end === undefined) {
      this.error(
        path,
        'the action leads nowhere: add next (a node id) or end (resolved or escalate)',
        'key',
      );
    }
    if (input.next !== undefined) {
      this.reference([...path, 'next'], input.next, known, 'next');
    }
    if (input.escalation !== undefined && input.end !== 'escalate') {
      this.error(
        [...path, 'escalation'],
        'escalation says whom an escalate end goes to: set end: escalate, or remove escalation',
        'key',
      );
    }
    (input.commands ?? []).forEach((command, index) =>
      this.text(command, [...path, 'commands', index]),
    );
    return {
      ...base,
      type: 'action',
      action: this.text(input.action, [...path, 'action']) ?? '',
      commands: input.commands ?? [],
      links: (input.links ?? []).map((link, index) =>
        this.link(link, [...path, 'links', index]),
      ),
      ...(input.next !== undefined && { next: input.next }),
      ...(input.end !== undefined && { end: input.end }),
      ...(input.escalation !== undefined && {
        escalation: {
          ...(input.escalation.to !== undefined && {
            to: input.escalation.to,
          }),
          ...(input.escalation.message !== undefined && {
            message: input.escalation.message,
          }),
        },
      }),
    };
  }

  private evidence(
    input: NonNullable<RunbookNodeInput['evidence']>[number],
    path: PathSegment[],
  ): RunbookEvidence {
    const note = input.note !== undefined ? { note: input.note } : {};
    const isLink =
      input.url !== undefined ||
      input.title !== undefined ||
      input.params !== undefined;
    if (input.slo !== undefined && isLink) {
      this.error(
        path,
        'an evidence item is either an SLO (slo) or a link (title, url, params): split it in two',
      );
    }
    if (input.slo !== undefined) {
      this.text(input.slo, [...path, 'slo']);
      if (
        this.slos !== undefined &&
        input.slo.trim() !== '' &&
        findRunbookEvidenceSlos(this.slos, input.slo).length === 0
      ) {
        const names = writtenSloNames(this.slos);
        this.error(
          [...path, 'slo'],
          `the entity has no SLO "${input.slo}": ${
            names.length > 0
              ? `name one of ${names.map(name => `"${name}"`).join(', ')}`
              : 'its SLO files declare none'
          }`,
        );
      }
      return { type: 'slo', slo: input.slo, ...note };
    }
    if (!isLink) {
      this.error(
        path,
        'the evidence item is empty: give slo (an SLO of the entity) or title and url (a link)',
      );
      return {
        type: 'link',
        link: { title: '', url: '', params: {} },
        ...note,
      };
    }
    for (const field of ['title', 'url'] as const) {
      if (input[field] === undefined) {
        this.error(path, `the evidence link has no ${field}: add ${field}`);
      }
    }
    return {
      type: 'link',
      link: this.link(
        {
          title: input.title ?? '',
          url: input.url ?? '',
          params: input.params,
        },
        path,
        input.url === undefined,
      ),
      ...note,
    };
  }

  private link(
    input: { title: string; url: string; params?: Record<string, string> },
    path: PathSegment[],
    urlMissing = false,
  ): RunbookLink {
    this.text(input.title, [...path, 'title']);
    if (!urlMissing && !isHttpUrl(input.url)) {
      this.error(
        [...path, 'url'],
        `"${input.url}" is not an http(s) URL: write the full address, e.g. https://grafana.example.com/d/checkout`,
      );
    }
    for (const key of Object.keys(input.params ?? {})) {
      if (key.trim() === '') {
        this.error(
          [...path, 'params', key],
          'a parameter name is empty: name it',
          'key',
        );
      }
    }
    return { title: input.title, url: input.url, params: input.params ?? {} };
  }

  private entryPoints(
    input: NonNullable<RunbookFileInput['spec']['entryPoints']>,
    known: ReadonlySet<string>,
  ): RunbookEntryPoint[] {
    const first = new Map<string, number>();
    return input.map((entry, index) => {
      const path = ['spec', 'entryPoints', index];
      this.text(entry.alert, [...path, 'alert']);
      const earlier = first.get(entry.alert);
      if (earlier !== undefined) {
        this.error(
          [...path, 'alert'],
          `the alert "${entry.alert}" already has an entry point (entry point ${earlier}): keep one per alert`,
        );
      } else {
        first.set(entry.alert, index);
      }
      this.reference([...path, 'node'], entry.node, known, 'entry point');
      return { alert: entry.alert, node: entry.node };
    });
  }

  private checkGraph(
    nodes: readonly RunbookNode[],
    start: string,
    entryPoints: readonly RunbookEntryPoint[],
    startWritten: boolean,
  ) {
    const successors = new Map<string, string[]>();
    const ends = new Set<string>();
    for (const node of nodes) {
      const next =
        node.type === 'question'
          ? node.answers.map(answer => answer.next)
          : [node.next].filter((id): id is string => id !== undefined);
      successors.set(node.id, next);
      if (node.type === 'action' && node.end !== undefined) {
        ends.add(node.id);
      }
    }
    for (const [id, next] of successors) {
      successors.set(
        id,
        next.filter(successor => successors.has(successor)),
      );
    }
    const graph: RunbookGraph = {
      ids: nodes.map(node => node.id),
      successors,
      ends,
    };
    const reached = new Set(
      reachableFrom(graph, [start, ...entryPoints.map(entry => entry.node)]),
    );
    for (const node of nodes) {
      if (!reached.has(node.id)) {
        this.error(
          ['spec', 'nodes', node.id],
          `no walk reaches the node "${
            node.id
          }": point an answer, a next or an entry point at it${
            startWritten
              ? ''
              : ' (walks without an alert start at the first node)'
          }, or remove it`,
          'key',
        );
      }
    }
    for (const cycle of cyclesWithoutExit(graph)) {
      if (!cycle.some(id => reached.has(id))) {
        // Reported as unreachable already.
        continue;
      }
      this.error(
        ['spec', 'nodes', cycle[0]],
        `the nodes ${[...cycle, cycle[0]]
          .map(id => `"${id}"`)
          .join(
            ' → ',
          )} form a cycle no walk can leave: let an answer or next lead to a node that ends with resolved or escalate`,
        'key',
      );
    }
  }

  private checkPageAlerts(
    entryPoints: readonly RunbookEntryPoint[],
    entryPointsWritten: boolean,
  ) {
    if (this.slos === undefined) {
      return;
    }
    const covered = new Set(entryPoints.map(entry => entry.alert));
    const missing = new Set<string>();
    for (const slo of this.slos) {
      const alert = slo.alerting?.name?.trim();
      if (!alert || slo.alerting?.page.disabled || covered.has(alert)) {
        continue;
      }
      if (missing.has(alert)) {
        continue;
      }
      missing.add(alert);
      const where = slo.source.location;
      this.error(
        entryPointsWritten ? ['spec', 'entryPoints'] : ['spec'],
        `the page alert "${alert}" of the SLO "${slo.name}" (${where.file}:${where.line}) has no entry point: add { alert: ${alert}, node: <the node to start at> } to spec.entryPoints`,
        'key',
      );
    }
  }

  /** Reports an id that names no node. */
  private reference(
    path: PathSegment[],
    id: string,
    known: ReadonlySet<string>,
    what: string,
  ) {
    if (known.has(id)) {
      return;
    }
    const ids = [...known];
    const close = ids.find(
      candidate => candidate.toLowerCase() === id.toLowerCase(),
    );
    this.error(
      path,
      `the ${what} leads to "${id}", which is not a node: ${
        close !== undefined
          ? `did you mean "${close}"?`
          : `name one of the nodes under spec.nodes${
              ids.length > 0 && ids.length <= 10
                ? ` (${ids.map(known_ => `"${known_}"`).join(', ')})`
                : ''
            }`
      }`,
    );
  }

  /** Reports blank text where something must be written; returns the text. */
  private text(value: string | undefined, path: PathSegment[]) {
    if (value !== undefined && value.trim() === '') {
      this.error(path, 'the text is empty: write it, or remove the field');
    }
    return value;
  }

  private error(
    path: readonly PathSegment[],
    message: string,
    target: NodeTarget = 'value',
  ) {
    this.problems.push(this.object.problem(path, message, 'error', target));
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function parse(
  text: string,
  file: string,
  slos: readonly ServiceLevelObjective[] | undefined,
): RunbookParseResult {
  const read = readSingleDocument({
    text,
    file,
    schema: runbookFileSchema,
    what: `a runbook file holds exactly one document with apiVersion ${RUNBOOK_API_VERSION} and kind ${RUNBOOK_KIND}`,
  });
  const problems = read.problems;
  if (!read.document) {
    return { problems };
  }
  const { object, data } = read.document;
  const reader = new RunbookReader(object, file, slos);
  const runbook = reader.read(data);
  problems.push(...reader.problems);
  if (problems.some(problem => problem.severity === 'error')) {
    return { problems };
  }
  return { runbook, problems };
}
