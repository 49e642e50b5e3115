import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef, ScorecardDefinitionProblemView } from '../../api';
import { StatusLabel } from '../StatusLabel';

/** `file:line:column` of a problem, or its source when it has no position. */
export function problemLocation(problem: ScorecardDefinitionProblemView) {
  if (problem.line === null) {
    return problem.file ?? problem.source;
  }
  return `${problem.file ?? problem.source}:${problem.line}:${
    problem.column ?? 1
  }`;
}

/** One problem per line: where, the key path, what, and how to fix it (in the message). */
export function DefinitionProblemList(props: {
  problems: Array<
    ScorecardDefinitionProblemView & { servingPrevious?: boolean }
  >;
  label: string;
}) {
  return (
    <ul aria-label={props.label} style={{ paddingLeft: 20, margin: 0 }}>
      {props.problems.map((problem, index) => (
        <li key={index}>
          <Typography variant="body2" component="span">
            <code>{problemLocation(problem)}</code>
            {problem.path && (
              <>
                {' '}
                at <code>{problem.path}</code>
              </>
            )}
            : {problem.message}
            {problem.servingPrevious &&
              ' (its previous definitions are still served)'}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/**
 * Tells the review page's readers when a scorecard definition (in app-config or a scorecard file)
 * has an error: with file, line and key path, and whether the file's previous definitions are
 * still served. Shows nothing when all is well.
 */
export function DefinitionProblemsPanel() {
  const api = useApi(reliabilityApiRef);
  const status = useAsync(() => api.getScorecardDefinitionStatus(), [api]);
  const problems = status.value?.problems ?? [];
  if (problems.length === 0) {
    return null;
  }
  return (
    <Box
      component="section"
      aria-label="Scorecard definition problems"
      role="alert"
      mb={2}
      p={2}
      border={1}
      borderRadius={4}
      borderColor="warning.main"
    >
      <StatusLabel tone="warning">
        <strong>
          {problems.length === 1
            ? 'A scorecard definition has an error'
            : `Scorecard definitions have ${problems.length} errors`}
        </strong>{' '}
        (files read {new Date(status.value!.loadedAt).toLocaleString()})
      </StatusLabel>
      <DefinitionProblemList
        problems={problems}
        label="Scorecard definition errors"
      />
    </Box>
  );
}
