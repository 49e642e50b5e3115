import { runbookLinkHref } from './links';
import type {
  RunbookEvidence,
  RunbookLink,
  RunbookNode,
  RunbookTree,
} from './model';
import { nodesInReadingOrder } from './order';

/** Escapes text so that Markdown shows it as written, inline. */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, character => `\\${character}`);
}

/** The anchor of a node: its id, which is stable and safe in an HTML id. */
function anchor(id: string): string {
  return `node-${id}`;
}

function nodeLink(tree: RunbookTree, id: string): string {
  const node = tree.nodes.find(candidate => candidate.id === id);
  return `[${inline(node?.title ?? id)}](#${anchor(id)})`;
}

function link(runbookLink: RunbookLink): string {
  // Angle brackets let a URL hold spaces and parentheses.
  return `[${inline(runbookLink.title)}](<${runbookLinkHref(
    runbookLink,
  ).replace(/[<>]/g, character => encodeURIComponent(character))}>)`;
}

function evidence(item: RunbookEvidence): string {
  const note = item.note ? `: ${inline(item.note)}` : '';
  return item.type === 'slo'
    ? `- SLO \`${item.slo.replace(
        /`/g,
        "'",
      )}\` (live SLI and burn rates)${note}`
    : `- ${link(item.link)}${note}`;
}

/** A fenced block that no backtick run inside the commands can close. */
function codeBlock(commands: readonly string[]): string[] {
  const longest = Math.max(
    2,
    ...commands.map(command =>
      Math.max(0, ...(command.match(/`+/g) ?? []).map(run => run.length)),
    ),
  );
  const fence = '`'.repeat(longest + 1);
  return [`${fence}sh`, ...commands, fence];
}

function nodeSection(tree: RunbookTree, node: RunbookNode): string[] {
  const lines = [
    `<a id="${anchor(node.id)}"></a>`,
    '',
    `### ${inline(node.title)}`,
    '',
  ];
  if (node.type === 'question') {
    lines.push(`**${inline(node.question)}**`, '');
  } else {
    // Action text is Markdown already.
    lines.push(node.action.trim(), '');
  }
  if (node.evidence.length > 0) {
    lines.push('Evidence:', '', ...node.evidence.map(evidence), '');
  }
  // Each list has a label: two lists with only a blank line between would read as one.
  if (node.type === 'question') {
    lines.push(
      'Answers:',
      '',
      ...node.answers.map(
        answer => `- ${inline(answer.label)} → ${nodeLink(tree, answer.next)}`,
      ),
      '',
    );
    return lines;
  }
  if (node.commands.length > 0) {
    lines.push(...codeBlock(node.commands), '');
  }
  if (node.links.length > 0) {
    lines.push('Links:', '', ...node.links.map(item => `- ${link(item)}`), '');
  }
  if (node.next !== undefined) {
    lines.push(`Then: ${nodeLink(tree, node.next)}`, '');
  } else if (node.end === 'resolved') {
    lines.push('**Resolved.**', '');
  } else if (node.end === 'escalate') {
    const to = node.escalation?.to
      ? inline(node.escalation.to)
      : 'the on-call chain';
    const message = node.escalation?.message
      ? `: ${inline(node.escalation.message)}`
      : '';
    lines.push(`**Escalate** to ${to}${message}.`, '');
  }
  return lines;
}

/**
 * Renders a runbook as Markdown for wikis and reviews: entry points per alert, then one section
 * per node in walking order, each with an anchor named after the node id so that links to a
 * step stay valid when titles change. Text from the file is escaped, except action text, which
 * is Markdown already.
 *
 * @public
 */
export function renderRunbookMarkdown(tree: RunbookTree): string {
  const lines = [`# ${inline(tree.title)}`, ''];
  if (tree.description) {
    lines.push(tree.description.trim(), '');
  }
  lines.push(`Start at ${nodeLink(tree, tree.start)}.`, '');
  if (tree.entryPoints.length > 0) {
    lines.push(
      '## Entry points',
      '',
      '| Alert | Start at |',
      '| --- | --- |',
      ...tree.entryPoints.map(
        entry =>
          `| \`${entry.alert.replace(/[`|]/g, "'")}\` | ${nodeLink(
            tree,
            entry.node,
          )} |`,
      ),
      '',
    );
  }
  lines.push('## Steps', '');
  for (const node of nodesInReadingOrder(tree)) {
    lines.push(...nodeSection(tree, node));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
