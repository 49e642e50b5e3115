import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  Entity,
  stringifyEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { RELIABILITY_DATA_NOTICE_ANNOTATION } from '@reliability/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { reliabilityApiRef } from '../../api';
import { useEntitySlos } from '../../hooks';
import { formatInstant, formatRelative } from '../../lib/format';
import { SloDetail } from '../SloDetail';
import { SloLoadErrors } from '../SloLoadErrors';
import { SloTable } from '../SloTable';

/** The query parameter that holds the open SLO, so a detail view can be linked to. */
export const SLO_QUERY_PARAM = 'slo';

const SLO_DETAIL_ID = 'reliability-slo-detail';

/**
 * The SLO part of the Reliability tab: problems of the SLO files, the SLO table, and the detail
 * of the SLO chosen in the table. Failures show what failed, never a blank.
 */
export function EntitySloSection(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(reliabilityApiRef);
  const slos = useEntitySlos(entity);
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get(SLO_QUERY_PARAM) ?? undefined;
  const [refresh, doRefresh] = useAsyncFn(async () => {
    await api.refreshEntitySlos(getCompoundEntityRef(entity));
    slos.retry();
  }, [api, entity, slos.retry]);

  const select = (id: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (id) {
      next.set(SLO_QUERY_PARAM, id);
    } else {
      next.delete(SLO_QUERY_PARAM);
    }
    setSearchParams(next, { replace: true });
  };

  if (slos.loading && !slos.value) {
    return <Progress />;
  }
  if (slos.error) {
    return (
      <ResponseErrorPanel
        title={`Could not load the SLOs of ${stringifyEntityRef(entity)}`}
        error={slos.error}
      />
    );
  }
  const value = slos.value;
  if (!value) {
    return <Progress />;
  }
  const selected = value.slos.find(slo => slo.id === selectedId);
  const notice =
    entity.metadata.annotations?.[RELIABILITY_DATA_NOTICE_ANNOTATION];

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
        flexWrap="wrap"
      >
        {/* Not textSecondary: this sits on the page's background, where that grey is 4.47:1. */}
        <Typography variant="body2">
          {value.lastSuccessAt ? (
            <span title={formatInstant(value.lastSuccessAt)}>
              SLO files last read {formatRelative(value.lastSuccessAt)}
            </span>
          ) : (
            'The SLO files have not been read successfully yet.'
          )}
        </Typography>
        <Button
          size="small"
          startIcon={<Refresh />}
          onClick={doRefresh}
          disabled={refresh.loading}
        >
          {refresh.loading ? 'Re-reading…' : 'Re-read SLO files'}
        </Button>
      </Box>
      {notice && (
        <Box mb={2}>
          <Alert severity="info" variant="outlined">
            {notice}
          </Alert>
        </Box>
      )}
      {refresh.error && (
        <Box mb={2}>
          <ResponseErrorPanel
            title="Could not re-read the SLO files"
            error={refresh.error}
          />
        </Box>
      )}
      {value.errors.length > 0 && (
        <Box mb={2}>
          <SloLoadErrors errors={value.errors} />
        </Box>
      )}
      {value.slos.length === 0 && value.errors.length === 0 && (
        <EmptyState
          missing="data"
          title="The SLO files hold no SLOs"
          description="The reliability/slos annotation names files, but none of them declares an SLO. Add an OpenSLO SLO or a Sloth service to one of them."
        />
      )}
      {value.slos.length > 0 && (
        <SloTable
          slos={value.slos}
          selectedId={selected?.id}
          onSelect={slo => select(slo.id === selected?.id ? undefined : slo.id)}
          detailId={SLO_DETAIL_ID}
        />
      )}
      {selected && (
        <Box mt={2} id={SLO_DETAIL_ID}>
          <SloDetail
            key={selected.id}
            slo={selected}
            onClose={() => select(undefined)}
          />
        </Box>
      )}
    </>
  );
}
