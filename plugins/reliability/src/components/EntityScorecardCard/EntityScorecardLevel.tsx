import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { StatusLabel } from '../StatusLabel';
import { levelText } from './EntityScorecardCard';

/** The summary card's line: the level of each applicable scorecard. */
export function EntityScorecardLevel() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const scorecards = useAsync(
    () => api.getEntityScorecards(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  if (scorecards.loading) {
    return <Typography variant="body2">Loading…</Typography>;
  }
  if (scorecards.error) {
    return (
      <Typography variant="body2">
        Could not load the scorecards: {scorecards.error.message}
      </Typography>
    );
  }
  const results = scorecards.value?.scorecards ?? [];
  if (results.length === 0) {
    return <Typography variant="body2">No scorecard applies.</Typography>;
  }
  return (
    <>
      {results.map(result => (
        <div key={result.scorecardId}>
          <StatusLabel tone={result.level ? 'ok' : 'warning'}>
            {result.title}: {levelText(result)}
          </StatusLabel>
        </div>
      ))}
    </>
  );
}
