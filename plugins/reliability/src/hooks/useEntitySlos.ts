import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef, Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api';

/** An entity's SLOs from the backend, with `retry` to reload them. */
export function useEntitySlos(entity: Entity) {
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntitySlos(ref),
    // The ref's parts, not the object, so that a re-render does not refetch.
    [api, ref.kind, ref.namespace, ref.name],
  );
}
