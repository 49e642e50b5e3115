import { MarkdownContent, Progress } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';

/**
 * Resolves a link of the runbook against where it was read from, so that `./dashboards.md`
 * opens beside the runbook. Absolute links stay as they are; what is unsafe (`javascript:`) has
 * been dropped by the sanitizer before this sees it.
 */
function resolveAgainst(base: string | undefined) {
  return (href: string) => {
    if (!base) {
      return href;
    }
    try {
      return new URL(href, base).toString();
    } catch {
      return href;
    }
  };
}

// Code blocks wrap instead of scrolling sideways: a scrolling block would have to be focusable to
// be read by keyboard (WCAG 2.1.1), and a wrapped command reads on a phone at night without
// scrolling. The highlighter sets `overflow-x: auto` inline, hence `!important`.
const useStyles = makeStyles({
  markdown: {
    '& pre, & pre code': {
      whiteSpace: 'pre-wrap !important',
      overflowWrap: 'anywhere',
    },
    '& pre': { overflowX: 'visible !important' },
  },
});

/**
 * A repository Markdown runbook rendered inline. `MarkdownContent` (GitHub-flavoured) runs
 * rehype-sanitize with GitHub's schema: no `<script>`, no event handler attributes, no
 * `javascript:` URLs; `RunbookMarkdown.test.tsx` holds it to that.
 */
export function RunbookMarkdown(props: {
  entity: CompoundEntityRef;
  runbookId: string;
  title: string;
}) {
  const api = useApi(reliabilityApiRef);
  const classes = useStyles();
  const { entity, runbookId } = props;
  const content = useAsync(
    () => api.getRunbookContent(entity, runbookId),
    [api, entity.kind, entity.namespace, entity.name, runbookId],
  );
  if (content.loading) {
    return <Progress />;
  }
  if (content.error) {
    return (
      <Typography variant="body2" color="error">
        Could not read the runbook {props.title}: {content.error.message}
      </Typography>
    );
  }
  return (
    <section aria-label={`Runbook ${props.title}`}>
      <MarkdownContent
        className={classes.markdown}
        content={content.value?.markdown ?? ''}
        dialect="gfm"
        transformLinkUri={resolveAgainst(content.value?.url)}
      />
    </section>
  );
}
