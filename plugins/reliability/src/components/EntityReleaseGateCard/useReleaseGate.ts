import { useApi } from '@backstage/frontend-plugin-api';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';

/** The entity's release gate, its overrides and recent decisions, with `retry` to reload them. */
export function useReleaseGate(entity: Entity) {
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(async () => {
    const [gate, overrides, decisions] = await Promise.all([
      api.getReleaseGate(ref),
      api.listReleaseOverrides(ref),
      api.listReleaseDecisions(ref),
    ]);
    return { gate, overrides: overrides.items, decisions: decisions.items };
  }, [api, ref.kind, ref.namespace, ref.name]);
}

/** Only the decision, for the compact badge. */
export function useReleaseDecision(entity: Entity) {
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => api.getReleaseGate(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}
