/**
 * Sloth SLI queries are Go `text/template`s whose only variable is the window (`[{{.window}}]`).
 * This renders the subset Sloth accepts without pulling in a template engine: `{{.window}}` with
 * optional spaces and trim markers, and comments. Anything else fails, as it fails in Sloth
 * (`missingkey=error`), instead of leaking template text into PromQL.
 */

/** Sloth's check that a query uses the window at all (`TplSLIQueryWindowVarRegex`). */
const WINDOW_VARIABLE = /{{ *\.window *}}/;

/**
 * Whether a query template references the window the way Sloth requires (`{{ .window }}`).
 *
 * @internal
 */
export function hasWindowVariable(template: string): boolean {
  return WINDOW_VARIABLE.test(template);
}

/**
 * The result of rendering: the text, or what was wrong with the template.
 *
 * @internal
 */
export type RenderResult = { text: string } | { error: string };

const ACTION = /{{([\s\S]*?)}}/g;

/**
 * Renders a Sloth query template with the window (a Prometheus duration such as `5m`).
 *
 * @internal
 */
export function renderWindowTemplate(
  template: string,
  window: string,
): RenderResult {
  let text = '';
  let last = 0;
  let trimNextLeft = false;
  for (const match of template.matchAll(ACTION)) {
    let inner = match[1];
    let before = template.slice(last, match.index);
    if (trimNextLeft) {
      before = before.trimStart();
    }
    // Go's trim markers are `{{- ` and ` -}}`: a dash next to the delimiter followed by a space.
    if (/^-\s/.test(inner)) {
      before = before.trimEnd();
      inner = inner.slice(1);
    }
    trimNextLeft = /\s-$/.test(inner);
    if (trimNextLeft) {
      inner = inner.slice(0, -1);
    }
    const action = inner.trim();
    text += before;
    if (action === '.window') {
      text += window;
    } else if (!/^\/\*[\s\S]*\*\/$/.test(action)) {
      return {
        error: `unsupported template action "{{${match[1]}}}": only {{ .window }} is available`,
      };
    }
    last = match.index! + match[0].length;
  }
  let rest = template.slice(last);
  if (trimNextLeft) {
    rest = rest.trimStart();
  }
  if (rest.includes('{{')) {
    return { error: 'unclosed template action "{{"' };
  }
  return { text: text + rest };
}
