import type { RunbookNode, RunbookTree } from './model';
import { nodesInReadingOrder } from './order';

/**
 * A Mermaid label: quoted, with the characters Mermaid would read as syntax written as its
 * entity codes (`#quot;`, `#35;`), and line breaks as `<br/>`.
 */
function label(text: string): string {
  const escaped = text
    .trim()
    .replace(/[#"&<>|`[\]{}()]/g, character => `#${character.charCodeAt(0)};`)
    .replace(/\s*\r?\n\s*/g, '<br/>');
  return `"${escaped}"`;
}

/**
 * A Mermaid id for a node id: `n_` (so that no id is a keyword such as `end`) and the id with
 * every character other than a letter or digit written as `_` and its hex code, so that ids stay
 * the same across renderings and distinct ids stay distinct.
 */
function mermaidId(prefix: string, id: string): string {
  return `${prefix}_${id.replace(
    /[^A-Za-z0-9]/g,
    character => `_${character.charCodeAt(0).toString(16)}`,
  )}`;
}

function shape(node: RunbookNode): string {
  const id = mermaidId('n', node.id);
  if (node.type === 'question') {
    return `${id}{${label(node.question)}}`;
  }
  return `${id}[${label(node.title)}]`;
}

/**
 * Renders a runbook as a Mermaid flowchart: questions as diamonds, actions as boxes, each end as
 * a rounded `Resolved` or `Escalate` node, and each alert's entry point as a flag leading to its
 * node. Labels are escaped and node ids derive from the runbook's ids, so a diff of two
 * renderings shows what changed in the tree.
 *
 * @public
 */
export function renderRunbookMermaid(tree: RunbookTree): string {
  const lines = ['flowchart TD'];
  const nodes = nodesInReadingOrder(tree);
  lines.push(`  start((${label('Start')})) --> ${mermaidId('n', tree.start)}`);
  tree.entryPoints.forEach(entry => {
    lines.push(
      `  ${mermaidId('alert', entry.alert)}>${label(
        `Alert: ${entry.alert}`,
      )}] --> ${mermaidId('n', entry.node)}`,
    );
  });
  for (const node of nodes) {
    lines.push(`  ${shape(node)}`);
  }
  for (const node of nodes) {
    const from = mermaidId('n', node.id);
    if (node.type === 'question') {
      for (const answer of node.answers) {
        lines.push(
          `  ${from} -->|${label(answer.label)}| ${mermaidId(
            'n',
            answer.next,
          )}`,
        );
      }
    } else if (node.next !== undefined) {
      lines.push(`  ${from} --> ${mermaidId('n', node.next)}`);
    } else if (node.end === 'resolved') {
      lines.push(
        `  ${from} --> ${mermaidId('stop', node.id)}([${label('Resolved')}])`,
      );
    } else if (node.end === 'escalate') {
      const to = node.escalation?.to ?? 'on-call';
      lines.push(
        `  ${from} --> ${mermaidId('stop', node.id)}([${label(
          `Escalate to ${to}`,
        )}])`,
      );
    }
  }
  const ends = nodes.filter(node => node.type === 'action' && node.end);
  if (ends.length > 0) {
    lines.push(
      '  classDef resolved fill:#e6f4ea,stroke:#1e8e3e',
      '  classDef escalate fill:#fce8e6,stroke:#d93025',
    );
    for (const end of ['resolved', 'escalate'] as const) {
      const ids = ends
        .filter(node => node.type === 'action' && node.end === end)
        .map(node => mermaidId('stop', node.id));
      if (ids.length > 0) {
        lines.push(`  class ${ids.join(',')} ${end}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
