import { Fragment } from 'react';
import { CopyTextButton } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';

// Why not Backstage's CodeSnippet: its highlighter colours YAML comments and line numbers below
// the 4.5:1 contrast WCAG asks for (docco's #998 on #f8f8ff is 2.8:1), and its scrolling <pre>
// cannot be reached by keyboard. Here the comments are a darker grey (7:1 on the light
// background, 8:1 on the dark one) and set in italics, so they differ by more than colour, and
// the block is a named, focusable region that scrolls with the arrow keys.
const useStyles = makeStyles(theme => {
  const dark = theme.palette.type === 'dark';
  return {
    root: { position: 'relative' },
    pre: {
      margin: 0,
      padding: theme.spacing(1.5, 6, 1.5, 1.5),
      overflowX: 'auto',
      fontFamily: 'monospace',
      fontSize: '0.8125rem',
      lineHeight: 1.5,
      color: theme.palette.text.primary,
      backgroundColor: dark ? '#1e1e1e' : '#f6f8fa',
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.primary.main}`,
        outlineOffset: 2,
      },
    },
    comment: {
      color: dark ? '#c2c2c2' : '#545454',
      fontStyle: 'italic',
    },
    lineNumber: {
      display: 'inline-block',
      minWidth: '2.5em',
      paddingRight: theme.spacing(1),
      textAlign: 'right',
      color: dark ? '#c2c2c2' : '#545454',
      userSelect: 'none',
    },
    highlighted: {
      display: 'inline-block',
      minWidth: '100%',
      color: 'inherit',
      backgroundColor: dark ? '#1b4721' : '#dafbe1',
      // A bar at the start marks the line without relying on its background colour.
      boxShadow: `inset 3px 0 0 ${dark ? '#57ab5a' : '#1a7f37'}`,
    },
    copy: { position: 'absolute', top: 4, right: 4 },
  };
});

/** Splits a YAML line into its content and its comment (from a `#` at the start or after a space). */
export function splitYamlComment(line: string): [string, string] {
  const match = /(^|\s)#/.exec(line);
  if (!match) {
    return [line, ''];
  }
  const at = match.index + match[1].length;
  return [line.slice(0, at), line.slice(at)];
}

/**
 * A copyable block of YAML: a keyboard-focusable, labelled scroll region with comments set
 * apart, optional line numbers, and highlighted lines (marked up as `<mark>`).
 */
export function CodeBlock(props: {
  /** What the block holds, e.g. "catalog-info.yaml with the annotation"; names the region and the copy button. */
  label: string;
  text: string;
  showLineNumbers?: boolean;
  /** 1-based line numbers to highlight. */
  highlightedLines?: number[];
}) {
  const classes = useStyles();
  const lines = props.text.split('\n');
  return (
    <div className={classes.root}>
      <pre
        className={classes.pre}
        // A scroll region must be focusable to be scrolled by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label={props.label}
      >
        <code>
          {lines.map((line, index) => {
            const [content, comment] = splitYamlComment(line);
            const body = (
              <>
                {props.showLineNumbers && (
                  <span className={classes.lineNumber} aria-hidden>
                    {index + 1}
                  </span>
                )}
                {content}
                {comment && <span className={classes.comment}>{comment}</span>}
              </>
            );
            return (
              <Fragment key={index}>
                {props.highlightedLines?.includes(index + 1) ? (
                  <mark className={classes.highlighted}>{body}</mark>
                ) : (
                  body
                )}
                {index < lines.length - 1 && '\n'}
              </Fragment>
            );
          })}
        </code>
      </pre>
      <div className={classes.copy}>
        <CopyTextButton text={props.text} aria-label={`Copy ${props.label}`} />
      </div>
    </div>
  );
}
