import type { ServiceLevelObjective } from '../spec/model';
import { parseRunbookFile } from './parseRunbookFile';
import { VALID_RUNBOOK } from './testRunbook';

const parse = (text: string, slos?: ServiceLevelObjective[]) =>
  parseRunbookFile(text, { file: 'runbook.yaml', slos });

/** Problems as `line:column path message`, the way an editor shows them. */
const where = (text: string, slos?: ServiceLevelObjective[]) =>
  parse(text, slos).problems.map(
    problem =>
      `${problem.line}:${problem.column} ${problem.path} ${problem.message}`,
  );

const HEADER = `apiVersion: reliability.dev/v1
kind: Runbook
metadata:
  name: checkout
spec:
`;

function slo(
  name: string,
  alerting?: { name?: string; pageDisabled?: boolean },
): ServiceLevelObjective {
  const severity = (disabled: boolean) => ({
    disabled,
    labels: {},
    annotations: {},
  });
  return {
    id: `checkout-${name}`,
    name,
    service: 'checkout',
    labels: {},
    budgetingMethod: 'Occurrences',
    objective: { target: 0.999 },
    sli: { type: 'events', errorQuery: 'e', totalQuery: 't' },
    ...(alerting && {
      alerting: {
        name: alerting.name,
        labels: {},
        annotations: {},
        page: severity(alerting.pageDisabled ?? false),
        ticket: severity(false),
      },
    }),
    source: {
      format: 'openslo/v1',
      location: { file: 'slos.yaml', line: 3, column: 1, path: '' },
    },
  } as unknown as ServiceLevelObjective;
}

describe('parseRunbookFile', () => {
  it('reads a valid tree with its nodes, entry points and evidence', () => {
    const result = parse(VALID_RUNBOOK, [
      slo('checkout-availability', { name: 'CheckoutHighErrorRate' }),
    ]);
    expect(result.problems).toEqual([]);
    const tree = result.runbook!;
    expect(tree.name).toBe('checkout');
    expect(tree.title).toBe('Checkout errors');
    expect(tree.start).toBe('burning');
    expect(tree.entryPoints).toEqual([
      { alert: 'CheckoutHighErrorRate', node: 'burning' },
      { alert: 'CheckoutLatencyHigh', node: 'slow' },
    ]);
    expect(tree.nodes.map(node => node.id)).toEqual([
      'burning',
      'wait',
      'deploy',
      'better',
      'done',
      'page',
      'slow',
    ]);
    const burning = tree.nodes[0];
    expect(burning).toMatchObject({
      type: 'question',
      title: 'Is the budget burning?',
      question: 'Do the 5m and 1h windows both burn?',
      answers: [
        { label: 'Both', next: 'deploy' },
        { label: 'Only 5m', next: 'wait' },
      ],
      evidence: [
        {
          type: 'slo',
          slo: 'checkout-availability',
          note: 'compare the two windows',
        },
        {
          type: 'link',
          link: {
            title: 'Errors',
            url: 'https://grafana.example.com/d/checkout',
            params: { 'var-service': 'checkout', from: 'now-1h' },
          },
        },
      ],
    });
    expect(burning.location).toMatchObject({ line: 14, column: 5 });
    expect(tree.nodes.find(node => node.id === 'page')).toMatchObject({
      type: 'action',
      end: 'escalate',
      escalation: {
        to: 'group:default/payments',
        message: 'share the failing request ids',
      },
    });
    // An untitled node is titled by its id.
    expect(tree.nodes.find(node => node.id === 'done')!.title).toBe('done');
  });

  it('starts at the first node when spec.start is not given', () => {
    const result = parse(`${HEADER}  nodes:
    first:
      action: Fix it.
      end: resolved
`);
    expect(result.problems).toEqual([]);
    expect(result.runbook!.start).toBe('first');
  });

  it('reports unknown keys with their position and the allowed fields', () => {
    expect(
      where(`${HEADER}  nodes:
    first:
      action: Fix it.
      end: resolved
      colour: red
`),
    ).toEqual([
      expect.stringMatching(
        /^10:7 spec\.nodes\.first\.colour .*"title", "question", "answers"/,
      ),
    ]);
  });

  it('reports an answer pointing nowhere at the answer, suggesting a near id', () => {
    expect(
      where(`${HEADER}  nodes:
    ask:
      question: Up?
      answers:
        - answer: "Yes"
          next: Done
        - answer: "No"
          next: missing
        - answer: Maybe
          next: done
    done:
      action: Nothing to do.
      end: resolved
`),
    ).toEqual([
      '11:17 spec.nodes.ask.answers[0].next the answer leads to "Done", which is not a node: did you mean "done"?',
      '13:17 spec.nodes.ask.answers[1].next the answer leads to "missing", which is not a node: name one of the nodes under spec.nodes ("ask", "done")',
    ]);
  });

  it('reports a next and a start pointing nowhere', () => {
    expect(
      where(`${HEADER}  start: nowhere
  nodes:
    act:
      action: Restart.
      next: gone
`),
    ).toEqual([
      '6:10 spec.start the start leads to "nowhere", which is not a node: name one of the nodes under spec.nodes ("act")',
      '8:5 spec.nodes.act no walk reaches the node "act": point an answer, a next or an entry point at it, or remove it',
      '10:13 spec.nodes.act.next the next leads to "gone", which is not a node: name one of the nodes under spec.nodes ("act")',
    ]);
  });

  it('reports entry points naming missing nodes and alerts given twice', () => {
    expect(
      where(`${HEADER}  entryPoints:
    - alert: CheckoutHighErrorRate
      node: triage
    - alert: CheckoutHighErrorRate
      node: fix
  nodes:
    fix:
      action: Fix it.
      end: resolved
`),
    ).toEqual([
      '8:13 spec.entryPoints[0].node the entry point leads to "triage", which is not a node: name one of the nodes under spec.nodes ("fix")',
      '9:14 spec.entryPoints[1].alert the alert "CheckoutHighErrorRate" already has an entry point (entry point 0): keep one per alert',
    ]);
  });

  it('reports unreachable nodes on their key', () => {
    expect(
      where(`${HEADER}  nodes:
    fix:
      action: Fix it.
      end: resolved
    orphan:
      action: Nobody comes here.
      end: resolved
`),
    ).toEqual([
      '10:5 spec.nodes.orphan no walk reaches the node "orphan": point an answer, a next or an entry point at it (walks without an alert start at the first node), or remove it',
    ]);
  });

  it('reports a cycle without an exit once, on its first node, naming its nodes', () => {
    expect(
      where(`${HEADER}  nodes:
    ask:
      question: Is it up?
      answers:
        - answer: "No"
          next: restart
        - answer: Unsure
          next: look
    restart:
      action: Restart it.
      next: look
    look:
      action: Look again.
      next: ask
`),
    ).toEqual([
      '7:5 spec.nodes.ask the nodes "ask" → "restart" → "look" → "ask" form a cycle no walk can leave: let an answer or next lead to a node that ends with resolved or escalate',
    ]);
  });

  it('reports a node leading to itself as a cycle without exit', () => {
    expect(
      where(`${HEADER}  nodes:
    start:
      action: Begin.
      next: loop
    loop:
      action: Again.
      next: loop
`),
    ).toEqual([
      '10:5 spec.nodes.loop the nodes "loop" → "loop" form a cycle no walk can leave: let an answer or next lead to a node that ends with resolved or escalate',
    ]);
  });

  it('accepts a cycle with an exit', () => {
    const result = parse(`${HEADER}  nodes:
    ask:
      question: Is it up?
      answers:
        - answer: "Yes"
          next: done
        - answer: "No"
          next: wait
    wait:
      action: Wait five minutes.
      next: ask
    done:
      action: Close the alert.
      end: resolved
`);
    expect(result.problems).toEqual([]);
    expect(result.runbook!.nodes).toHaveLength(3);
  });

  it('reports nodes that are neither question nor action, or both, or lead nowhere', () => {
    expect(
      where(`${HEADER}  nodes:
    mixed:
      question: Up?
      answers:
        - answer: "No"
          next: empty
      commands: [ls]
    empty:
      title: Nothing
    stuck:
      action: Do it.
    both:
      action: Do it.
      next: stuck
      end: resolved
    noanswers:
      question: What now?
      answers: []
    escalation:
      action: Fix.
      end: resolved
      escalation:
        to: group:default/payments
`),
    ).toEqual([
      '12:7 spec.nodes.mixed.commands "commands" belongs to action nodes, and this node is a question: move the action into a node of its own and point an answer at it',
      '13:5 spec.nodes.empty the node is neither a question nor an action: add question and answers, or action with next or end',
      '15:5 spec.nodes.stuck the action leads nowhere: add next (a node id) or end (resolved or escalate)',
      '15:5 spec.nodes.stuck no walk reaches the node "stuck": point an answer, a next or an entry point at it (walks without an alert start at the first node), or remove it',
      '17:5 spec.nodes.both no walk reaches the node "both": point an answer, a next or an entry point at it (walks without an alert start at the first node), or remove it',
      '20:7 spec.nodes.both.end an action either leads to the next node or ends the walk: keep next or end, not both',
      '21:5 spec.nodes.noanswers no walk reaches the node "noanswers": point an answer, a next or an entry point at it (walks without an alert start at the first node), or remove it',
      '23:7 spec.nodes.noanswers.answers a question needs at least one answer: add answers, each with answer and next',
      '24:5 spec.nodes.escalation no walk reaches the node "escalation": point an answer, a next or an entry point at it (walks without an alert start at the first node), or remove it',
      '27:7 spec.nodes.escalation.escalation escalation says whom an escalate end goes to: set end: escalate, or remove escalation',
    ]);
  });

  it('reports invalid node ids, links and evidence', () => {
    expect(
      where(`${HEADER}  nodes:
    1st:
      action: Look.
      links:
        - title: Logs
          url: ftp://logs.example.com
      evidence:
        - {}
        - slo: availability
          url: https://example.com
        - title: No url
      end: resolved
`),
    ).toEqual([
      '7:5 spec.nodes["1st"] "1st" is not a valid node id: start with a letter, then use letters, digits, "-", "_" and ".", at most 63 characters (e.g. check-deploys)',
      '11:16 spec.nodes["1st"].links[0].url "ftp://logs.example.com" is not an http(s) URL: write the full address, e.g. https://grafana.example.com/d/checkout',
      '13:11 spec.nodes["1st"].evidence[0] the evidence item is empty: give slo (an SLO of the entity) or title and url (a link)',
      '14:11 spec.nodes["1st"].evidence[1] an evidence item is either an SLO (slo) or a link (title, url, params): split it in two',
      '16:11 spec.nodes["1st"].evidence[2] the evidence link has no url: add url',
    ]);
  });

  it('checks SLO evidence and page alerts against the entity SLOs', () => {
    const slos = [
      slo('availability', { name: 'CheckoutHighErrorRate' }),
      slo('latency', { name: 'CheckoutLatencyHigh' }),
      slo('quiet', { name: 'CheckoutQuiet', pageDisabled: true }),
      slo('unalerted'),
    ];
    expect(
      where(
        `${HEADER}  entryPoints:
    - alert: CheckoutHighErrorRate
      node: fix
  nodes:
    fix:
      action: Fix it.
      evidence:
        - slo: checkout-availability
        - slo: latncy
      end: resolved
`,
        slos,
      ),
    ).toEqual([
      '6:3 spec.entryPoints the page alert "CheckoutLatencyHigh" of the SLO "latency" (slos.yaml:3) has no entry point: add { alert: CheckoutLatencyHigh, node: <the node to start at> } to spec.entryPoints',
      '14:16 spec.nodes.fix.evidence[1].slo the entity has no SLO "latncy": name one of "availability", "latency", "quiet", "unalerted"',
    ]);
    // Without the entity's SLOs nothing is cross-checked.
    expect(
      where(`${HEADER}  nodes:
    fix:
      action: Fix it.
      evidence:
        - slo: latncy
      end: resolved
`),
    ).toEqual([]);
  });

  it('reports a missing entry point on spec when there are no entry points', () => {
    expect(
      where(
        `${HEADER}  nodes:
    fix:
      action: Fix it.
      end: resolved
`,
        [slo('availability', { name: 'CheckoutHighErrorRate' })],
      ),
    ).toEqual([
      '5:1 spec the page alert "CheckoutHighErrorRate" of the SLO "availability" (slos.yaml:3) has no entry point: add { alert: CheckoutHighErrorRate, node: <the node to start at> } to spec.entryPoints',
    ]);
  });

  it('reports a wrong kind, several documents, syntax errors and empty files', () => {
    const wrongKind = where('apiVersion: reliability.dev/v1\nkind: Rotation\n');
    expect(wrongKind).toHaveLength(3);
    expect(wrongKind).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2:7 kind /),
        expect.stringMatching(/^1:1 .*metadata/),
        expect.stringMatching(/^1:1 .*spec/),
      ]),
    );
    expect(where(`${VALID_RUNBOOK}---\n${VALID_RUNBOOK}`)).toEqual([
      '1:1  a runbook file holds exactly one document with apiVersion reliability.dev/v1 and kind Runbook, found 2 documents',
    ]);
    expect(where('')).toEqual([
      '1:1  a runbook file holds exactly one document with apiVersion reliability.dev/v1 and kind Runbook, found nothing',
    ]);
    expect(where('spec: [\n')[0]).toMatch(/^\d+:\d+ /);
    expect(parse('spec: [\n').runbook).toBeUndefined();
  });

  it('refuses alias bombs and deep nesting through the shared YAML reader', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 6 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
            98 + i,
          )} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    const bombProblems = parse(bomb).problems;
    expect(bombProblems).toHaveLength(1);
    expect(bombProblems[0].message).toMatch(/alias/i);
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const deepProblems = parse(deep).problems;
    expect(deepProblems[0].message).toMatch(/nest/i);
    expect(parse(deep).runbook).toBeUndefined();
  });
});
