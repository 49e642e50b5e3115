import { runbookLinkHref } from './links';
import type { RunbookTree } from './model';
import { parseRunbookFile } from './parseRunbookFile';
import { renderRunbookMarkdown } from './renderRunbookMarkdown';
import { renderRunbookMermaid } from './renderRunbookMermaid';
import { VALID_RUNBOOK } from './testRunbook';

const location = { file: 'r.yaml', line: 1, column: 1, path: '' };

/** A small tree with text that Markdown and Mermaid would read as syntax. */
const TRICKY: RunbookTree = {
  file: 'r.yaml',
  name: 'tricky',
  title: 'Errors *everywhere*',
  start: 'is-up',
  entryPoints: [{ alert: 'Api|Down', node: 'is-up' }],
  nodes: [
    {
      id: 'is-up',
      title: 'Up?',
      type: 'question',
      question: 'Does "/health" answer <200> #1?',
      answers: [
        { label: 'Yes [really]', next: 'end' },
        { label: 'No', next: 'is_up' },
      ],
      evidence: [],
      location,
    },
    {
      id: 'is_up',
      title: 'Restart (pods)',
      type: 'action',
      action: 'Restart.',
      commands: ['echo ```'],
      links: [],
      end: 'escalate',
      location,
      evidence: [],
    },
    {
      id: 'end',
      title: 'end',
      type: 'action',
      action: 'Close it.',
      commands: [],
      links: [],
      end: 'resolved',
      location,
      evidence: [],
    },
  ],
};

describe('runbookLinkHref', () => {
  it('appends the parameters to the query, encoded', () => {
    expect(
      runbookLinkHref({
        title: 'd',
        url: 'https://grafana.example.com/d/x?orgId=1',
        params: { 'var-service': 'check out', from: 'now-1h' },
      }),
    ).toBe(
      'https://grafana.example.com/d/x?orgId=1&var-service=check+out&from=now-1h',
    );
  });
});

describe('renderRunbookMarkdown', () => {
  it('renders entry points, then each step in walking order with anchors', () => {
    const tree = parseRunbookFile(VALID_RUNBOOK, { file: 'r.yaml' }).runbook!;
    const markdown = renderRunbookMarkdown(tree);
    expect(markdown).toContain(
      '| `CheckoutHighErrorRate` | [Is the budget burning?](#node-burning) |',
    );
    expect(markdown).toContain(
      '- SLO `checkout-availability` (live SLI and burn rates): compare the two windows',
    );
    expect(markdown).toContain(
      '- [Errors](<https://grafana.example.com/d/checkout?var-service=checkout&from=now-1h>)',
    );
    expect(markdown).toContain(
      '```sh\nkubectl -n checkout rollout undo deployment/checkout\n```',
    );
    expect(markdown).toContain(
      '**Escalate** to group:default/payments: share the failing request ids.',
    );
    const headings = markdown
      .split('\n')
      .filter(line => line.startsWith('### '));
    // Breadth-first from the start, then the entry point's own branch.
    expect(headings).toEqual([
      '### Is the budget burning?',
      '### Roll back',
      '### Wait',
      '### better',
      '### done',
      '### Page payments',
      '### slow',
    ]);
  });

  it('escapes text from the file and fences commands holding backticks', () => {
    expect(renderRunbookMarkdown(TRICKY)).toBe(`# Errors \\*everywhere\\*

Start at [Up?](#node-is-up).

## Entry points

| Alert | Start at |
| --- | --- |
| \`Api'Down\` | [Up?](#node-is-up) |

## Steps

<a id="node-is-up"></a>

### Up?

**Does "/health" answer \\<200\\> \\#1?**

Answers:

- Yes \\[really\\] → [end](#node-end)
- No → [Restart \\(pods\\)](#node-is_up)

<a id="node-end"></a>

### end

Close it.

**Resolved.**

<a id="node-is_up"></a>

### Restart \\(pods\\)

Restart.

\`\`\`\`sh
echo \`\`\`
\`\`\`\`

**Escalate** to the on-call chain.
`);
  });
});

describe('renderRunbookMermaid', () => {
  it('renders a flowchart with escaped labels and ids that keep distinct ids apart', () => {
    expect(renderRunbookMermaid(TRICKY)).toBe(`flowchart TD
  start(("Start")) --> n_is_2dup
  alert_Api_7cDown>"Alert: Api#124;Down"] --> n_is_2dup
  n_is_2dup{"Does #34;/health#34; answer #60;200#62; #35;1?"}
  n_end["end"]
  n_is_5fup["Restart #40;pods#41;"]
  n_is_2dup -->|"Yes #91;really#93;"| n_end
  n_is_2dup -->|"No"| n_is_5fup
  n_end --> stop_end(["Resolved"])
  n_is_5fup --> stop_is_5fup(["Escalate to on-call"])
  classDef resolved fill:#e6f4ea,stroke:#1e8e3e
  classDef escalate fill:#fce8e6,stroke:#d93025
  class stop_end resolved
  class stop_is_5fup escalate
`);
  });

  it('keeps node ids when nodes are reordered or retitled', () => {
    const tree = parseRunbookFile(VALID_RUNBOOK, { file: 'r.yaml' }).runbook!;
    const ids = (text: string) =>
      new Set(text.match(/\b(?:n|stop|alert)_[A-Za-z0-9_]+/g));
    const before = renderRunbookMermaid(tree);
    const after = renderRunbookMermaid({
      ...tree,
      nodes: [...tree.nodes]
        .reverse()
        .map(node => ({ ...node, title: `${node.title}!` })),
    });
    expect(ids(after)).toEqual(ids(before));
    expect(ids(before)).toContain('n_burning');
    expect(ids(before)).toContain('alert_CheckoutHighErrorRate');
  });
});
