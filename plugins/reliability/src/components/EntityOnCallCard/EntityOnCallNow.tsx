import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatInViewerZone } from '../../lib/time';
import { PersonName } from './EntityOnCallCard';

/** One line for the summary card: who is on call now and until when. */
export function EntityOnCallNow() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const onCall = useAsync(
    () => api.getEntityOnCall(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  if (onCall.loading) {
    return <Typography variant="body2">Loading…</Typography>;
  }
  if (onCall.error) {
    return (
      <Typography variant="body2">
        Could not load the on-call: {onCall.error.message}
      </Typography>
    );
  }
  const value = onCall.value;
  if (!value || value.status === 'unresolved') {
    return (
      <Typography variant="body2">
        Nobody: map the owner group to a rotation or PagerDuty (see the
        Reliability tab).
      </Typography>
    );
  }
  if (value.now.length === 0) {
    return <Typography variant="body2">Nobody on shift right now.</Typography>;
  }
  return (
    <Typography variant="body2">
      {value.now.map((assignment, index) => (
        <span key={index}>
          {index > 0 && ', '}
          <PersonName person={assignment.person} /> until{' '}
          {formatInViewerZone(assignment.end)}
        </span>
      ))}
      {value.stale ? ' (stale)' : ''}
    </Typography>
  );
}
