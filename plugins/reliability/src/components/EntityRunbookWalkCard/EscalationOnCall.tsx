import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EntityOnCall,
  RunbookEscalation,
} from '@reliability/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatInViewerZone } from '../../lib/time';
import { PersonName } from '../EntityOnCallCard/EntityOnCallCard';

function normalize(ref: string | undefined, defaultKind: string) {
  if (!ref) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Where the escalation goes: the entity's own on-call chain without `to` or when `to` is its
 * owner; else the on-call of the group `to` names (the first of its entities that resolves).
 */
async function escalationOnCall(
  api: {
    getEntityOnCall(entity: CompoundEntityRef): Promise<EntityOnCall>;
    getOwnerOnCall(owner: string): Promise<{ entities: EntityOnCall[] }>;
  },
  entity: CompoundEntityRef,
  ownerRef: string | undefined,
  to: string | undefined,
): Promise<{ onCall?: EntityOnCall; target: string }> {
  const owner = normalize(ownerRef, 'group');
  const target = normalize(to, 'group');
  if (!to || !target || target === owner) {
    return {
      onCall: await api.getEntityOnCall(entity),
      target: to ?? "the entity's on-call chain",
    };
  }
  if (!target.startsWith('group:')) {
    return { target: to };
  }
  const { entities } = await api.getOwnerOnCall(target);
  return {
    onCall:
      entities.find(candidate => candidate.status === 'ok') ?? entities[0],
    target: to,
  };
}

function Assignments(props: { label: string; items: EntityOnCall['now'] }) {
  return (
    <Box mt={1}>
      <Typography variant="subtitle2" component="h5">
        {props.label}
      </Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2">Nobody.</Typography>
      ) : (
        <ul aria-label={props.label}>
          {props.items.map((assignment, index) => (
            <li key={index}>
              <Typography variant="body2">
                <PersonName person={assignment.person} />
                {assignment.end
                  ? ` until ${formatInViewerZone(assignment.end)}`
                  : ''}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

/** At an escalation: who to hand over to and who is on call there now and next. */
export function EscalationOnCall(props: {
  entity: CompoundEntityRef;
  entityRef: string;
  ownerRef?: string;
  escalation?: RunbookEscalation;
}) {
  const api = useApi(reliabilityApiRef);
  const to = props.escalation?.to;
  const state = useAsync(
    () => escalationOnCall(api, props.entity, props.ownerRef, to),
    [api, props.entityRef, props.ownerRef, to],
  );
  let onCall: JSX.Element;
  if (state.loading) {
    onCall = <Typography variant="body2">Loading who is on call…</Typography>;
  } else if (state.error) {
    onCall = (
      <Typography variant="body2" color="error">
        Could not load who is on call: {state.error.message}
      </Typography>
    );
  } else if (!state.value?.onCall) {
    onCall = (
      <Typography variant="body2">
        Reach {state.value?.target} directly: it has no on-call rotation here.
      </Typography>
    );
  } else if (state.value.onCall.status === 'unresolved') {
    onCall = (
      <Typography variant="body2">
        No on-call rotation is mapped for {state.value.target}.
      </Typography>
    );
  } else {
    const value = state.value.onCall;
    onCall = (
      <>
        <Assignments label="On call now" items={value.now} />
        <Assignments label="On call next" items={value.next} />
        {value.stale && (
          <Typography variant="body2">
            (The on-call provider did not answer: this is its last answer.)
          </Typography>
        )}
      </>
    );
  }
  return (
    <Box
      component="section"
      aria-label="Escalation"
      mt={2}
      p={1}
      border={1}
      borderColor="warning.main"
      borderRadius={4}
    >
      <Typography variant="h6" component="h4">
        Escalate to {to ?? "the entity's on-call chain"}
      </Typography>
      {props.escalation?.message && (
        <Typography variant="body2">
          Tell them: {props.escalation.message}
        </Typography>
      )}
      {onCall}
    </Box>
  );
}
