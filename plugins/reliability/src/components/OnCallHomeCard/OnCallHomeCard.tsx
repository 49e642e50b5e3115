import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatInViewerZone } from '../../lib/time';
import { PersonName } from '../EntityOnCallCard/EntityOnCallCard';
import { StatusLabel } from '../StatusLabel';

/**
 * "On call for my services": for every entity the signed-in user or their teams own, who is on
 * call now and until when. Renders its content only; the home page or `InfoCard` around it gives
 * the title.
 *
 * @public
 */
export function OnCallHomeCard() {
  const identityApi = useApi(identityApiRef);
  const api = useApi(reliabilityApiRef);
  const state = useAsync(async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    try {
      return { userEntityRef, value: await api.getOwnerOnCall(userEntityRef) };
    } catch (error) {
      // The backend answers 404 for a user the catalog does not know (e.g. the guest user's
      // default user:development/guest): that is a setup to teach, not a failure.
      if ((error as { statusCode?: number }).statusCode === 404) {
        return { userEntityRef, value: undefined };
      }
      throw error;
    }
  }, [api, identityApi]);

  if (state.loading) {
    return <Progress />;
  }
  if (state.error) {
    return (
      <ResponseErrorPanel
        title="Could not load the on-call of your services"
        error={state.error}
      />
    );
  }
  const { userEntityRef, value } = state.value!;
  if (!value) {
    return (
      <Typography variant="body2">
        You are signed in as <code>{userEntityRef}</code>, which the catalog
        does not know, so nothing is owned by you. Add a User entity of that
        name and make it a member of your team's Group (or, for the guest
        sign-in, set <code>auth.providers.guest.userEntityRef</code> to a user
        in the catalog).
      </Typography>
    );
  }
  if (value.entities.length === 0) {
    return (
      <Typography variant="body2">
        You and your teams ({value.owners.join(', ')}) own no entities in the
        catalog yet. Set <code>spec.owner</code> of your services to your team
        group, and map the group to a rotation with the{' '}
        <code>reliability/rotation</code> annotation (or to PagerDuty with{' '}
        <code>pagerduty.com/service-id</code>) to see who is on call here.
      </Typography>
    );
  }
  return (
    <ul
      aria-label="On call for my services"
      style={{ paddingLeft: 0, listStyle: 'none' }}
    >
      {value.entities.map(onCall => (
        <Box component="li" key={onCall.entityRef} mb={1}>
          <Typography variant="body1">
            <EntityRefLink entityRef={onCall.entityRef} />
          </Typography>
          {onCall.status === 'unresolved' && (
            <StatusLabel tone="warning">
              No on-call: map its owner group to a rotation or PagerDuty
            </StatusLabel>
          )}
          {onCall.status !== 'unresolved' && onCall.now.length === 0 && (
            <StatusLabel tone="unknown">Nobody on shift right now</StatusLabel>
          )}
          {onCall.now.map((assignment, index) => (
            <Typography variant="body2" key={index}>
              <PersonName person={assignment.person} />
              {assignment.end
                ? ` until ${formatInViewerZone(assignment.end)}`
                : ''}
            </Typography>
          ))}
          {onCall.stale && (
            <StatusLabel tone="error">
              stale: {onCall.error ?? 'the provider failed'}
            </StatusLabel>
          )}
        </Box>
      ))}
    </ul>
  );
}
