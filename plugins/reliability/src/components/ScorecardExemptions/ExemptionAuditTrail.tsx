import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type {
  ScorecardExemptionAuditRecord,
  ScorecardExemptionView,
} from '../../api';
import { formatInstant } from '../../lib/format';
import { AUDIT_ACTIONS } from './exemptionStates';

/** Every request, decision, revocation, expiry and reminder of an entity's exemptions. */
export function ExemptionAuditTrail(props: {
  audit: ScorecardExemptionAuditRecord[];
  exemptions: ScorecardExemptionView[];
  /** The title of a check, to name it as the scorecard does. */
  titleOf?: (scorecardId: string, checkId: string) => string | undefined;
}) {
  const checkOf = new Map(
    props.exemptions.map(e => [
      e.id,
      props.titleOf?.(e.scorecardId, e.checkId) ?? e.checkId,
    ]),
  );
  if (props.audit.length === 0) {
    return (
      <Typography variant="body2">
        No exemption was ever requested or granted.
      </Typography>
    );
  }
  return (
    <ol aria-label="Exemption audit trail" style={{ paddingLeft: 20 }}>
      {props.audit.map((record, index) => (
        <li key={`${record.exemptionId}-${record.at}-${index}`}>
          <Typography variant="body2" component="span">
            {formatInstant(record.at)}:{' '}
            {checkOf.get(record.exemptionId) ??
              String(record.details.checkId ?? record.exemptionId)}{' '}
            {AUDIT_ACTIONS[record.action] ?? record.action}
            {record.actor && (
              <>
                {' by '}
                {record.actor.startsWith('service:') ? (
                  record.actor
                ) : (
                  <EntityRefLink entityRef={record.actor} />
                )}
              </>
            )}
          </Typography>
        </li>
      ))}
    </ol>
  );
}
