import { parseRunbookFile } from './parseRunbookFile';
import { VALID_RUNBOOK } from './testRunbook';
import { checkRunbookWalk, formatRunbookWalk, nextRunbookNodeId } from './walk';

const tree = parseRunbookFile(VALID_RUNBOOK, { file: 'r.yaml' }).runbook!;

describe('checkRunbookWalk', () => {
  it('accepts a walk from the top to an escalation and reports its end', () => {
    expect(
      checkRunbookWalk(tree, [
        { node: 'burning', answer: 'Both' },
        { node: 'deploy' },
        { node: 'better', answer: 'No' },
        { node: 'page' },
      ]),
    ).toEqual({ ok: true, outcome: 'escalate' });
  });

  it('calls a walk that stops before an end abandoned', () => {
    expect(
      checkRunbookWalk(tree, [
        { node: 'burning', answer: 'Only 5m' },
        { node: 'wait' },
      ]),
    ).toEqual({ ok: true, outcome: 'abandoned' });
  });

  it("starts a walk from an alert at the alert's entry node", () => {
    expect(
      checkRunbookWalk(tree, [{ node: 'slow' }], 'CheckoutLatencyHigh'),
    ).toEqual({
      ok: true,
      outcome: 'resolved',
    });
    expect(
      checkRunbookWalk(tree, [{ node: 'burning' }], 'CheckoutLatencyHigh'),
    ).toEqual({
      ok: false,
      message:
        'path[0] is "burning", but a walk from the alert CheckoutLatencyHigh starts at "slow"',
    });
  });

  it.each([
    [[], 'the path is empty'],
    [
      [{ node: 'burning', answer: 'Maybe' }],
      'path[0].answer "Maybe" is not an answer of "burning": one of "Both", "Only 5m"',
    ],
    [
      [{ node: 'burning' }, { node: 'deploy' }],
      'path[0] continues without an answer to "burning"',
    ],
    [
      [{ node: 'burning', answer: 'Both' }, { node: 'wait' }],
      'path[1] is "wait", but "burning" leads to "deploy"',
    ],
    [
      [
        { node: 'burning', answer: 'Both' },
        { node: 'deploy', answer: 'x' },
      ],
      'path[1] has an answer, but "deploy" is an action',
    ],
    [
      [
        { node: 'burning', answer: 'Both' },
        { node: 'deploy' },
        { node: 'better', answer: 'Yes' },
        { node: 'done' },
        { node: 'page' },
      ],
      'path[3] continues after "done", which ends the walk',
    ],
    [
      [{ node: 'burning', answer: 'Both' }, { node: 'nowhere' }],
      'path[1] is "nowhere"',
    ],
  ])('refuses %j: %s', (path, message) => {
    const result = checkRunbookWalk(tree, path);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toContain(message);
  });
});

describe('nextRunbookNodeId', () => {
  it('follows answers of questions and next of actions', () => {
    const byId = new Map(tree.nodes.map(node => [node.id, node]));
    expect(nextRunbookNodeId(byId.get('burning')!, 'Only 5m')).toBe('wait');
    expect(nextRunbookNodeId(byId.get('burning')!)).toBeUndefined();
    expect(nextRunbookNodeId(byId.get('wait')!)).toBe('burning');
    expect(nextRunbookNodeId(byId.get('page')!)).toBeUndefined();
  });
});

describe('formatRunbookWalk', () => {
  it('writes one numbered line per step for the incident channel', () => {
    expect(
      formatRunbookWalk(
        tree,
        [
          { node: 'burning', answer: 'Both' },
          { node: 'deploy' },
          { node: 'better', answer: 'No' },
          { node: 'page' },
        ],
        { alert: 'CheckoutHighErrorRate', entity: 'checkout' },
      ),
    ).toBe(
      [
        'Runbook "Checkout errors" of checkout, from the alert CheckoutHighErrorRate:',
        '1. Is the budget burning?: Do the 5m and 1h windows both burn? → Both',
        '2. Roll back → done',
        '3. better: Did the error rate drop? → No',
        '4. Page payments → escalate to group:default/payments (share the failing request ids)',
      ].join('\n'),
    );
  });

  it('marks an unanswered question and a resolved end', () => {
    expect(formatRunbookWalk(tree, [{ node: 'burning' }])).toBe(
      'Runbook "Checkout errors", from the top:\n1. Is the budget burning?: Do the 5m and 1h windows both burn? (not answered yet)',
    );
    expect(
      formatRunbookWalk(tree, [{ node: 'slow' }], {
        alert: 'CheckoutLatencyHigh',
      }),
    ).toContain('1. slow → resolved');
  });
});
