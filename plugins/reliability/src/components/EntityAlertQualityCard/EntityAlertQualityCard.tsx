import { useEffect, useState } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { SUSTAINABLE_PAGES_PER_12_HOURS } from '@reliability/backstage-plugin-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  AlertQualityView,
  reliabilityApiRef,
  ReliabilityAlert,
} from '../../api';
import { formatAlertRatio, formatMeanDuration } from '../../lib/alertFigures';
import { formatInstant } from '../../lib/format';
import { StatusLabel } from '../StatusLabel';
import { TriageControl } from './TriageControl';
import { alertRunbookWalkHref } from '../EntityRunbookWalkCard/runbookLinks';

const DAY_MS = 86_400_000;
/** The periods to pick from, in days. */
export const ALERT_PERIOD_DAYS = [7, 30, 90];
const RECENT_PAGES = 10;
const NOISIEST = 5;

function Figure(props: { label: string; children: React.ReactNode }) {
  return (
    <Box component="div" mb={1}>
      <Typography variant="overline" component="dt">
        {props.label}
      </Typography>
      <Typography variant="body2" component="dd" style={{ marginLeft: 0 }}>
        {props.children}
      </Typography>
    </Box>
  );
}

/** Pages per shift against the sustainable line, in words and with an icon. */
function ShiftLoad(props: { view: AlertQualityView }) {
  const summary = props.view.report.onCallLoad.summary;
  if (summary.state === 'unknown') {
    return (
      <StatusLabel tone="unknown">
        unknown ({summary.reason}); {props.view.pagesPer12Hours.toFixed(2)}{' '}
        pages per 12 h over the period
      </StatusLabel>
    );
  }
  const over = summary.maxPagesPer12Hours > SUSTAINABLE_PAGES_PER_12_HOURS;
  return (
    <StatusLabel tone={over ? 'warning' : 'ok'}>
      {summary.meanPagesPerShift.toFixed(1)} per shift on average, at most{' '}
      {summary.maxPagesPer12Hours.toFixed(1)} per 12 h (sustainable:{' '}
      {SUSTAINABLE_PAGES_PER_12_HOURS} per 12 h);{' '}
      {summary.shiftsOverLine === 0
        ? 'no shift over the line'
        : `${summary.shiftsOverLine} of ${summary.shifts} shifts over the line`}
    </StatusLabel>
  );
}

function Figures(props: { view: AlertQualityView }) {
  const { report } = props.view;
  const flapping = report.alerts.filter(alert => alert.flap.everFlapped);
  const noisiest = report.alerts
    .filter(alert => alert.noise > 0)
    .slice(0, NOISIEST);
  return (
    <dl style={{ margin: 0 }}>
      <Figure label="Pages per shift">
        <ShiftLoad view={props.view} />
      </Figure>
      <Figure label="Actionable">
        {formatAlertRatio(report.noise.actionableRatio)}
      </Figure>
      <Figure label="Time to acknowledge (MTTA)">
        {formatMeanDuration(report.responseTimes.mtta)}
      </Figure>
      <Figure label="Time to resolve (MTTR)">
        {formatMeanDuration(report.responseTimes.mttr)}
      </Figure>
      <Figure label="Sleep-hour pages">
        <StatusLabel
          tone={report.interruptions.total.sleepHours > 0 ? 'warning' : 'ok'}
        >
          {report.interruptions.total.sleepHours} of{' '}
          {report.interruptions.total.total} interrupting pages woke somebody up
        </StatusLabel>
      </Figure>
      <Figure label="Noisiest alerts">
        {noisiest.length === 0 ? (
          'No alert was noise in this period.'
        ) : (
          <ol aria-label="Noisiest alerts">
            {noisiest.map(alert => (
              <li key={alert.alertKey}>
                {alert.alertName ?? alert.alertKey}: {alert.noise} of{' '}
                {alert.pages} pages noise
              </li>
            ))}
          </ol>
        )}
      </Figure>
      <Figure label="Flapping">
        {flapping.length === 0 ? (
          <StatusLabel tone="ok">no alert flapped</StatusLabel>
        ) : (
          <ul aria-label="Flapping alerts">
            {flapping.map(alert => (
              <li key={alert.alertKey}>
                <StatusLabel tone="warning">
                  {alert.alertName ?? alert.alertKey}:{' '}
                  {alert.flap.flapping ? 'flapping now' : 'flapped'}, peak{' '}
                  {alert.flap.peakPercentStateChange}% state change
                </StatusLabel>
              </li>
            ))}
          </ul>
        )}
      </Figure>
    </dl>
  );
}

function RecentPages(props: {
  entity: CompoundEntityRef;
  /** The link that walks the runbook from an alert, when the entity has a decision tree. */
  walkHref?: (alertName?: string) => string | undefined;
  from: Date;
  to: Date;
  refresh: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const { entity, from, to } = props;
  const alerts = useAsyncRetry(
    () => api.listEntityAlerts(entity, { from, to }),
    [api, entity.kind, entity.namespace, entity.name, from.getTime()],
  );
  const [items, setItems] = useState<ReliabilityAlert[]>([]);
  useEffect(() => {
    if (alerts.value) {
      // Newest first: the backend lists oldest first.
      setItems([...alerts.value.items].reverse().slice(0, RECENT_PAGES));
    }
  }, [alerts.value]);
  if (alerts.loading && !alerts.value) {
    return <Progress />;
  }
  if (alerts.error) {
    return (
      <Typography variant="body2" color="error">
        Could not load the recent pages: {alerts.error.message}
      </Typography>
    );
  }
  if (items.length === 0) {
    return (
      <Typography variant="body2">
        No pages in this period. Pages arrive from Alertmanager (label alerts
        with <code>backstage_entity</code>) or from PagerDuty and Opsgenie when
        configured.
      </Typography>
    );
  }
  return (
    <ul aria-label="Recent pages" style={{ paddingLeft: 0, listStyle: 'none' }}>
      {items.map(alert => (
        <Box component="li" key={alert.id} mb={1}>
          <Typography variant="body2">
            <strong>
              {alert.alertName ?? alert.summary ?? alert.externalId}
            </strong>{' '}
            · {alert.urgency} urgency · {formatInstant(alert.triggeredAt)} ·{' '}
            {alert.status}
            <AlertRunbookLinks
              walk={props.walkHref?.(alert.alertName)}
              url={alert.runbookUrl}
              alertName={alert.alertName ?? alert.externalId}
            />
          </Typography>
          <TriageControl
            alert={alert}
            onTriaged={triaged => {
              setItems(current =>
                current.map(item =>
                  item.id === triaged.id ? { ...item, ...triaged } : item,
                ),
              );
              props.refresh();
            }}
          />
        </Box>
      ))}
    </ul>
  );
}

/** The alert's runbook: the walk from its entry point, and the rule's own runbook_url. */
function AlertRunbookLinks(props: {
  walk?: string;
  url?: string;
  alertName: string;
}) {
  return (
    <>
      {props.walk && (
        <>
          {' · '}
          <Link
            to={props.walk}
            underline="always"
            aria-label={`Runbook of ${props.alertName}`}
          >
            runbook
          </Link>
        </>
      )}
      {props.url && props.url !== props.walk && (
        <>
          {' · '}
          <Link
            to={props.url}
            underline="always"
            aria-label={`runbook_url of ${props.alertName}`}
          >
            runbook_url
          </Link>
        </>
      )}
    </>
  );
}

/**
 * Alert quality of the entity over 7, 30 or 90 days: pages per shift against the sustainable
 * line, actionable share, MTTA and MTTR, sleep-hour pages, noisiest and flapping alerts, and the
 * recent pages to triage.
 *
 * @public
 */
export function EntityAlertQualityCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const [days, setDays] = useState(30);
  // One period per choice, so that a re-render does not move it and refetch.
  const [period, setPeriod] = useState(() => periodOf(30));
  const quality = useAsyncRetry(
    () => api.getEntityAlertQuality(ref, period),
    [api, ref.kind, ref.namespace, ref.name, period],
  );
  let body;
  if (quality.loading && !quality.value) {
    body = <Progress />;
  } else if (quality.error) {
    body = (
      <ResponseErrorPanel
        title={`Could not load the alert quality of ${stringifyEntityRef(
          entity,
        )}`}
        error={quality.error}
      />
    );
  } else if (quality.value) {
    body =
      quality.value.report.pagesGiven === 0 ? (
        <Typography variant="body2">
          No pages in the last {days} days: nothing to measure yet. Send alerts
          to <code>POST /api/reliability/alerts/alertmanager</code> with the
          label <code>backstage_entity: {stringifyEntityRef(entity)}</code>, or
          map the entity to PagerDuty or Opsgenie.
        </Typography>
      ) : (
        <Figures view={quality.value} />
      );
  }
  return (
    <InfoCard title="Alert quality">
      <Box mb={2}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          aria-label="Period"
          onChange={(_event, value: number | null) => {
            if (value !== null) {
              setDays(value);
              setPeriod(periodOf(value));
            }
          }}
        >
          {ALERT_PERIOD_DAYS.map(option => (
            <ToggleButton
              key={option}
              value={option}
              aria-label={`Alert quality of the last ${option} days`}
            >
              {option} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {body}
      <Box mt={2} component="section" aria-label="Recent pages to triage">
        <Typography variant="overline" component="h3">
          Recent pages
        </Typography>
        <RecentPages
          entity={ref}
          walkHref={alertName => alertRunbookWalkHref(entity, alertName)}
          from={period.from}
          to={period.to}
          refresh={quality.retry}
        />
      </Box>
    </InfoCard>
  );
}

function periodOf(days: number) {
  const to = new Date();
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}
