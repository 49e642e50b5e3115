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
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  reliabilityApiRef,
  ScorecardCheckView,
  ScorecardResultView,
} from '../../api';
import { formatInstant, formatRelative } from '../../lib/format';
import { StatusLabel, StatusTone } from '../StatusLabel';

const STATUS: Record<
  ScorecardCheckView['status'],
  { tone: StatusTone; text: string }
> = {
  pass: { tone: 'ok', text: 'Passed' },
  fail: { tone: 'error', text: 'Failed' },
  unknown: { tone: 'unknown', text: 'Unknown (no data)' },
  exempt: { tone: 'neutral', text: 'Exempt' },
};

/** A scorecard level in words: `Gold (highest level)`, `Silver, next Gold`, `no level yet`. */
export function levelText(result: ScorecardResultView): string {
  if (!result.level) {
    return result.nextLevel
      ? `No level yet, next ${result.nextLevel}`
      : 'No level yet';
  }
  return result.nextLevel
    ? `${result.level}, next ${result.nextLevel}`
    : `${result.level} (highest level)`;
}

function CheckItem(props: { check: ScorecardCheckView }) {
  const { check } = props;
  const status = STATUS[check.status] ?? STATUS.unknown;
  return (
    <Box component="li" mb={1}>
      <StatusLabel tone={status.tone}>
        <strong>{check.title}</strong>: {status.text}
      </StatusLabel>
      <Typography variant="body2" color="textSecondary">
        {check.message}
      </Typography>
      {check.status !== 'pass' && check.remediation && (
        <Typography variant="body2">
          To fix: {check.remediation}{' '}
          {check.docsUrl && <Link to={check.docsUrl}>Read more</Link>}
        </Typography>
      )}
      {check.exemption && (
        <Typography variant="body2">
          Exempt until {formatInstant(check.exemption.expiresAt)} (
          {formatRelative(check.exemption.expiresAt)}): “
          {check.exemption.reason}”, granted by{' '}
          <EntityRefLink entityRef={check.exemption.grantedBy} />
        </Typography>
      )}
    </Box>
  );
}

function ScorecardResult(props: { result: ScorecardResultView }) {
  const { result } = props;
  const levels = result.levels.map(level => ({
    ...level,
    checks: result.checks.filter(check => check.level === level.name),
  }));
  return (
    <Box component="section" aria-label={result.title} mb={2}>
      <Typography variant="h6" component="h3">
        {result.title}
      </Typography>
      <StatusLabel tone={result.level ? 'ok' : 'warning'}>
        Level: <strong>{levelText(result)}</strong>
      </StatusLabel>
      <Typography variant="caption" color="textSecondary" component="div">
        Evaluated {formatRelative(result.evaluatedAt)}
      </Typography>
      {levels.map(level => (
        <Box key={level.name} mt={1}>
          <Typography variant="overline" component="h4">
            {level.name}: {level.passed ? 'reached' : 'not reached'}
          </Typography>
          <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
            {level.checks.map(check => (
              <CheckItem key={check.id} check={check} />
            ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

/**
 * The entity's production-readiness scorecards: the level reached and the next, every check by
 * level with what it found and how to fix it, and exemptions; with a "re-evaluate" action.
 *
 * @public
 */
export function EntityScorecardCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const scorecards = useAsyncRetry(
    () => api.getEntityScorecards(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  const [evaluation, evaluate] = useAsyncFn(async () => {
    await api.evaluateEntityScorecards(ref);
    scorecards.retry();
  }, [api, ref.kind, ref.namespace, ref.name, scorecards.retry]);

  let body;
  if (scorecards.loading && !scorecards.value) {
    body = <Progress />;
  } else if (scorecards.error) {
    body = (
      <ResponseErrorPanel
        title={`Could not load the scorecards of ${stringifyEntityRef(entity)}`}
        error={scorecards.error}
      />
    );
  } else if (scorecards.value) {
    body =
      scorecards.value.scorecards.length === 0 ? (
        <Typography variant="body2">
          No scorecard applies to this entity. Scorecards are defined in{' '}
          <code>reliability.scorecards</code> of the app configuration, each
          with an <code>appliesTo</code> filter (kind, type, lifecycle, tier).
        </Typography>
      ) : (
        scorecards.value.scorecards.map(result => (
          <ScorecardResult key={result.scorecardId} result={result} />
        ))
      );
  }
  return (
    <InfoCard
      title="Readiness scorecards"
      action={
        <Button
          size="small"
          startIcon={<Refresh />}
          disabled={evaluation.loading}
          onClick={() => evaluate()}
        >
          Re-evaluate
        </Button>
      }
    >
      {evaluation.error && (
        <Typography variant="body2" color="error" role="alert">
          Could not re-evaluate: {evaluation.error.message}
        </Typography>
      )}
      {body}
    </InfoCard>
  );
}
