import { Link } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  RunbookEvidence,
  runbookLinkHref,
} from '@reliability/backstage-plugin-common';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef, Slo } from '../../api';
import { formatBurnRate, formatRatio, sloTitle } from '../../lib/format';

/** How often the SLO evidence is read again while a step is shown. */
const REFRESH_MS = 60_000;

/**
 * The SLOs an evidence item names: by id or name, or for OpenSLO by the SLO's `metadata.name`
 * (objectives are named `<metadata.name>-<index>`), as the backend's validator reads it.
 */
export function evidenceSlos(slos: readonly Slo[], reference: string): Slo[] {
  const exact = slos.filter(
    slo => slo.id === reference || slo.name === reference,
  );
  if (exact.length > 0) {
    return exact;
  }
  return slos.filter(
    slo =>
      slo.format.startsWith('openslo/') &&
      slo.name.startsWith(`${reference}-`) &&
      /^\d+$/.test(slo.name.slice(reference.length + 1)),
  );
}

function SloEvidence(props: {
  entity: CompoundEntityRef;
  slo: string;
  note?: string;
}) {
  const api = useApi(reliabilityApiRef);
  const { entity } = props;
  const slos = useAsyncRetry(
    () => api.getEntitySlos(entity),
    [api, entity.kind, entity.namespace, entity.name],
  );
  const { retry } = slos;
  useEffect(() => {
    // Live while the responder looks at the step.
    const timer = setInterval(retry, REFRESH_MS);
    return () => clearInterval(timer);
  }, [retry]);
  let content: JSX.Element;
  if (slos.loading && !slos.value) {
    content = <Typography variant="body2">Loading the SLO…</Typography>;
  } else if (slos.error) {
    content = (
      <Typography variant="body2" color="error">
        Could not load the SLO {props.slo}: {slos.error.message}
      </Typography>
    );
  } else {
    const found = evidenceSlos(slos.value?.slos ?? [], props.slo);
    content =
      found.length === 0 ? (
        <Typography variant="body2">
          The entity has no SLO named {props.slo}.
        </Typography>
      ) : (
        <>
          {found.map(slo => (
            <Box key={slo.id} mb={1}>
              <Typography variant="body2">
                <strong>{sloTitle(slo)}</strong>: SLI{' '}
                {formatRatio(slo.status?.sli, 3)} against{' '}
                {formatRatio(slo.objective.target, 3)}, budget left{' '}
                {formatRatio(slo.status?.budget?.remaining ?? null, 1)}
                {slo.status?.alerts?.severity &&
                slo.status.alerts.severity !== 'none'
                  ? `, ${slo.status.alerts.severity} alert firing`
                  : ''}
              </Typography>
              {slo.status && slo.status.burnRates.length > 0 && (
                <ul aria-label={`Burn rates of ${sloTitle(slo)}`}>
                  {slo.status.burnRates.map(rate => (
                    <li key={rate.window}>
                      <Typography variant="body2">
                        {rate.window}: {formatBurnRate(rate.burnRate)}
                      </Typography>
                    </li>
                  ))}
                </ul>
              )}
            </Box>
          ))}
        </>
      );
  }
  return (
    <li>
      {content}
      {props.note && (
        <Typography variant="body2" color="textSecondary">
          {props.note}
        </Typography>
      )}
    </li>
  );
}

/** A node's evidence: each SLO with its live SLI and burn rates, each link with its parameters. */
export function RunbookEvidenceList(props: {
  entity?: CompoundEntityRef;
  evidence: RunbookEvidence[];
  title?: string;
}) {
  if (props.evidence.length === 0) {
    return null;
  }
  const title = props.title ?? 'Evidence';
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      <ul aria-label={title}>
        {props.evidence.map((item, index) => {
          if (item.type === 'link') {
            return (
              <li key={index}>
                <Typography variant="body2">
                  <Link to={runbookLinkHref(item.link)} underline="always">
                    {item.link.title}
                  </Link>
                  {item.note ? ` · ${item.note}` : ''}
                </Typography>
              </li>
            );
          }
          return props.entity ? (
            <SloEvidence
              key={index}
              entity={props.entity}
              slo={item.slo}
              note={item.note}
            />
          ) : null;
        })}
      </ul>
    </Box>
  );
}
