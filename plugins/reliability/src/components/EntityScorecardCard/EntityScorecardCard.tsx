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
import { useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityExemptionRequestPermission } from '@reliability/backstage-plugin-common';
import {
  EntityExemptions,
  reliabilityApiRef,
  ScorecardCheckView,
  ScorecardExemptionView,
  ScorecardResultView,
} from '../../api';
import { formatInstant, formatRelative } from '../../lib/format';
import {
  ExemptionAuditTrail,
  ExemptionRequestDialog,
  ExemptionSummary,
  EXEMPTION_STATES,
} from '../ScorecardExemptions';
import { StatusLabel, StatusTone } from '../StatusLabel';

/** What the card lets the reader do about exemptions, and why not when it does not. */
interface ExemptionControls {
  /** The entity's exemptions and requests; absent while loading or when they failed to load. */
  exemptions?: EntityExemptions;
  /** Why requesting is not possible; `undefined` when it is. */
  denial?: string;
  onRequest: (
    scorecardId: string,
    check: { id: string; title: string },
  ) => void;
}

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

/** The newest request or exemption of a check, to show beside it. */
function latestOf(
  exemptions: readonly ScorecardExemptionView[] | undefined,
  scorecardId: string,
  checkId: string,
): ScorecardExemptionView | undefined {
  return (exemptions ?? [])
    .filter(e => e.scorecardId === scorecardId && e.checkId === checkId)
    .sort((a, b) =>
      (b.requestedAt ?? b.grantedAt ?? '').localeCompare(
        a.requestedAt ?? a.grantedAt ?? '',
      ),
    )[0];
}

function ExemptionAction(props: {
  scorecardId: string;
  check: ScorecardCheckView;
  controls: ExemptionControls;
}) {
  const { scorecardId, check, controls } = props;
  const latest = latestOf(controls.exemptions?.items, scorecardId, check.id);
  if (check.status === 'pass' || check.status === 'exempt') {
    return null;
  }
  if (latest?.state === 'pending') {
    return (
      <Box mt={0.5}>
        <StatusLabel tone={EXEMPTION_STATES.pending.tone}>
          Exemption requested, pending approval (until{' '}
          {formatInstant(latest.expiresAt)})
        </StatusLabel>
      </Box>
    );
  }
  return (
    <Box mt={0.5}>
      {latest && latest.state !== 'active' && (
        <Typography variant="body2" color="textSecondary">
          Last exemption: {EXEMPTION_STATES[latest.state].text.toLowerCase()}
          {latest.decisionComment && ` (“${latest.decisionComment}”)`}
        </Typography>
      )}
      <Button
        size="small"
        variant="outlined"
        disabled={Boolean(controls.denial) || !controls.exemptions}
        onClick={() => controls.onRequest(scorecardId, check)}
        aria-label={`Request exemption of ${check.title}`}
      >
        Request exemption
      </Button>
      {controls.denial && (
        <Typography variant="caption" color="textSecondary" component="div">
          {controls.denial}
        </Typography>
      )}
    </Box>
  );
}

function CheckItem(props: {
  check: ScorecardCheckView;
  scorecardId: string;
  controls: ExemptionControls;
}) {
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
      <ExemptionAction
        scorecardId={props.scorecardId}
        check={check}
        controls={props.controls}
      />
    </Box>
  );
}

function ScorecardResult(props: {
  result: ScorecardResultView;
  controls: ExemptionControls;
}) {
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
              <CheckItem
                key={check.id}
                check={check}
                scorecardId={result.scorecardId}
                controls={props.controls}
              />
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
  const exemptions = useAsyncRetry(
    () => api.getEntityExemptions(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  const requestPermission = usePermission({
    permission: reliabilityExemptionRequestPermission,
  });
  const [requesting, setRequesting] = useState<{
    scorecardId: string;
    check: { id: string; title: string };
  }>();
  const [showAudit, setShowAudit] = useState(false);
  let denial: string | undefined;
  if (requestPermission.loading || exemptions.loading) {
    denial = undefined;
  } else if (!requestPermission.allowed) {
    denial = `Requesting an exemption needs the permission ${reliabilityExemptionRequestPermission.name}`;
  } else if (exemptions.value && !exemptions.value.policy.canRequest) {
    denial = exemptions.value.policy.requestDenial ?? undefined;
  }
  const controls: ExemptionControls = {
    exemptions: exemptions.value,
    denial,
    onRequest: (scorecardId, check) => setRequesting({ scorecardId, check }),
  };
  const titleOf = (scorecardId: string, checkId: string) =>
    scorecards.value?.scorecards
      .find(result => result.scorecardId === scorecardId)
      ?.checks.find(check => check.id === checkId)?.title;

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
          <ScorecardResult
            key={result.scorecardId}
            result={result}
            controls={controls}
          />
        ))
      );
  }
  const exemptionItems = exemptions.value?.items ?? [];
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
      {exemptions.error && (
        <Typography variant="body2" color="error" role="alert">
          Could not load the exemptions: {exemptions.error.message}
        </Typography>
      )}
      {exemptions.value && (
        <Box component="section" aria-label="Exemptions" mt={2}>
          <Typography variant="h6" component="h3">
            Exemptions
          </Typography>
          {exemptionItems.length === 0 ? (
            <Typography variant="body2">
              None. The owners can request one for a check that cannot pass yet,
              for at most {exemptions.value.policy.maxDurationDays} days.
            </Typography>
          ) : (
            <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
              {exemptionItems.map(exemption => (
                <Box component="li" key={exemption.id} mb={1}>
                  <ExemptionSummary
                    exemption={exemption}
                    checkTitle={titleOf(
                      exemption.scorecardId,
                      exemption.checkId,
                    )}
                  />
                </Box>
              ))}
            </ul>
          )}
          <Button
            size="small"
            aria-expanded={showAudit}
            onClick={() => setShowAudit(shown => !shown)}
          >
            {showAudit ? 'Hide the audit trail' : 'Show the audit trail'}
          </Button>
          {showAudit && (
            <ExemptionAuditTrail
              audit={exemptions.value.audit}
              exemptions={exemptionItems}
              titleOf={titleOf}
            />
          )}
        </Box>
      )}
      {requesting && exemptions.value && (
        <ExemptionRequestDialog
          open
          scorecardId={requesting.scorecardId}
          check={requesting.check}
          maxDurationDays={exemptions.value.policy.maxDurationDays}
          onClose={() => setRequesting(undefined)}
          onSubmit={async request => {
            await api.requestExemption(ref, request);
            exemptions.retry();
          }}
        />
      )}
    </InfoCard>
  );
}
