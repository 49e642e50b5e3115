import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef, Runbook, RunbookCheck } from '../../api';
import { formatRelative } from '../../lib/format';
import { formatAge } from '../../lib/time';
import { CodeBlock } from '../CodeBlock';
import { StatusLabel } from '../StatusLabel';
import { RunbookMarkdown } from './RunbookMarkdown';

const ADD_RUNBOOK_SNIPPET = `metadata:
  annotations:
    # A Markdown file beside catalog-info.yaml, shown inline here
    reliability/runbook: ./runbook.md
  links:
    - url: https://wiki.example.com/my-service/runbook
      title: My service runbook
      type: runbook`;

/** Whether the runbook could be opened at its last check, in words. */
export function Reachability(props: { check?: RunbookCheck }) {
  const { check } = props;
  if (!check) {
    return <StatusLabel tone="unknown">not checked yet</StatusLabel>;
  }
  if (check.outcome === 'reachable') {
    return <StatusLabel tone="ok">reachable</StatusLabel>;
  }
  if (check.outcome === 'refused') {
    return (
      <StatusLabel tone="warning">
        not checked: refused by the allow-list
      </StatusLabel>
    );
  }
  return (
    <StatusLabel tone="error">
      unreachable
      {check.statusCode ? ` (HTTP ${check.statusCode})` : ''}
      {check.lastReachableAt
        ? `, last reachable ${formatRelative(check.lastReachableAt)}`
        : ''}
    </StatusLabel>
  );
}

function RunbookItem(props: { runbook: Runbook }) {
  const { runbook } = props;
  const { check } = runbook;
  return (
    <Box component="li" mb={1}>
      <Typography variant="body1" component="span">
        {runbook.url ? (
          <Link to={runbook.url}>{runbook.title}</Link>
        ) : (
          runbook.title
        )}
      </Typography>
      {runbook.path && (
        <Typography variant="body2" component="span" color="textSecondary">
          {' '}
          <code>{runbook.path}</code>
        </Typography>
      )}
      <Box>
        <Reachability check={check} />
        {check?.lastModifiedAt && (
          <Typography variant="body2" component="span" color="textSecondary">
            {` · updated ${formatAge(check.lastModifiedAt)}`}
          </Typography>
        )}
      </Box>
      {check?.error && check.outcome !== 'reachable' && (
        <Typography variant="caption" color="textSecondary" component="div">
          {check.error}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The entity's runbooks with whether they can be opened and how old they are, repository
 * Markdown runbooks rendered inline, and the paging alerts that have none.
 *
 * @public
 */
export function EntityRunbooksCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const runbooks = useAsyncRetry(
    () => api.getEntityRunbooks(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  let body;
  if (runbooks.loading && !runbooks.value) {
    body = <Progress />;
  } else if (runbooks.error) {
    body = (
      <ResponseErrorPanel
        title={`Could not load the runbooks of ${stringifyEntityRef(entity)}`}
        error={runbooks.error}
      />
    );
  } else if (runbooks.value) {
    const value = runbooks.value;
    const inline = value.runbooks.filter(r => r.markdown);
    body = (
      <>
        {value.pagingAlertsWithoutRunbook.length > 0 && (
          <Box mb={2} role="alert">
            {value.pagingAlertsWithoutRunbook.map(alert => (
              <Box key={`${alert.sloId}/${alert.alertName}`}>
                <StatusLabel tone="warning">
                  The paging alert {alert.alertName} ({alert.sloName}) has no
                  runbook: whoever it wakes has nothing to follow.
                </StatusLabel>
              </Box>
            ))}
          </Box>
        )}
        {value.runbooks.length === 0 ? (
          <>
            <Typography variant="body2">
              No runbooks yet. Add a Markdown runbook beside{' '}
              <code>catalog-info.yaml</code>, or link one:
            </Typography>
            <Box my={1}>
              <CodeBlock
                label="the runbook annotation and link"
                text={ADD_RUNBOOK_SNIPPET}
              />
            </Box>
          </>
        ) : (
          <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
            {value.runbooks.map(runbook => (
              <RunbookItem key={runbook.id} runbook={runbook} />
            ))}
          </ul>
        )}
        {value.problems.length > 0 && (
          <Box mt={1} component="section" aria-label="Runbook problems">
            {value.problems.map(problem => (
              <Box key={problem.location}>
                <StatusLabel tone="error">
                  <code>{problem.location}</code>: {problem.message}
                </StatusLabel>
              </Box>
            ))}
          </Box>
        )}
        {inline.map(runbook => (
          <Box key={runbook.id} mt={2}>
            <RunbookMarkdown
              entity={ref}
              runbookId={runbook.id}
              title={runbook.title}
            />
          </Box>
        ))}
      </>
    );
  }
  return <InfoCard title="Runbooks">{body}</InfoCard>;
}
