import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  EntityOnCall,
  OnCallAssignment,
  OnCallPerson,
} from '@reliability/backstage-plugin-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { formatRelative } from '../../lib/format';
import { formatInViewerZone } from '../../lib/time';
import { CodeBlock } from '../CodeBlock';
import { StatusLabel } from '../StatusLabel';
import {
  pagerDutySnippet,
  rotationAnnotationSnippet,
  ROTATION_FILE_SNIPPET,
} from './snippets';

/**
 * A person: their user page when the catalog knows them, else their provider profile. Always
 * underlined: the name sits in running text ("… until 09:00"), where colour alone would not
 * tell the link apart (WCAG 1.4.1).
 */
export function PersonName(props: { person: OnCallPerson }) {
  const { person } = props;
  if (person.userRef) {
    return (
      <EntityRefLink
        entityRef={person.userRef}
        title={person.name}
        underline="always"
      />
    );
  }
  if (person.url) {
    return (
      <Link to={person.url} underline="always">
        {person.name}
      </Link>
    );
  }
  return <>{person.name}</>;
}

function Assignment(props: { assignment: OnCallAssignment; until?: boolean }) {
  const { assignment } = props;
  return (
    <Box component="li" mb={1}>
      <Typography variant="body1" component="span">
        <PersonName person={assignment.person} />
      </Typography>
      {assignment.person.email && (
        <Typography variant="body2" component="span">
          {' · '}
          <Link to={`mailto:${assignment.person.email}`}>
            {assignment.person.email}
          </Link>
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {props.until
          ? `until ${formatInViewerZone(assignment.end)}`
          : `${formatInViewerZone(assignment.start)} – ${formatInViewerZone(
              assignment.end,
            )}`}
        {assignment.scheduleName ? ` · ${assignment.scheduleName}` : ''}
      </Typography>
    </Box>
  );
}

const SOURCE_NAMES: Record<string, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  rotation: 'the catalog rotation',
};

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-label={props.title} mt={2}>
      <Typography variant="overline" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function Unresolved(props: { onCall: EntityOnCall }) {
  const { entity } = useEntity();
  return (
    <>
      <StatusLabel tone="warning">
        Nobody is on call for this entity yet
      </StatusLabel>
      <Section title="Where we looked">
        <ul aria-label="Why no on-call was found">
          {props.onCall.reasons.map(reason => (
            <li key={reason}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="How to fix it">
        <Typography variant="body2">
          Annotate the owner group with <code>reliability/rotation</code> and
          describe the rotation in a file beside it:
        </Typography>
        <Box my={1}>
          <CodeBlock
            label="the owner group's rotation annotation"
            text={rotationAnnotationSnippet(entity)}
          />
        </Box>
        <Box my={1}>
          <CodeBlock
            label="a first rotation.yaml"
            text={ROTATION_FILE_SNIPPET}
          />
        </Box>
        <Typography variant="body2">
          Or, when the service is paged through PagerDuty, map it to its
          service:
        </Typography>
        <Box my={1}>
          <CodeBlock
            label="the PagerDuty annotation"
            text={pagerDutySnippet(entity)}
          />
        </Box>
      </Section>
    </>
  );
}

function OnCallDetails(props: { onCall: EntityOnCall }) {
  const { onCall } = props;
  const { resolution } = onCall;
  return (
    <>
      {onCall.status === 'error' && (
        <Box mb={1} role="status">
          <StatusLabel tone="error">
            {onCall.stale && onCall.fetchedAt
              ? `Stale since ${formatRelative(onCall.fetchedAt)}`
              : 'The on-call provider failed'}
          </StatusLabel>
          {onCall.error && (
            <Typography variant="body2" color="textSecondary">
              {onCall.error}
            </Typography>
          )}
        </Box>
      )}
      <Section title="On call now">
        {onCall.now.length > 0 ? (
          <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
            {onCall.now.map((assignment, index) => (
              <Assignment key={index} assignment={assignment} until />
            ))}
          </ul>
        ) : (
          <Typography variant="body2">Nobody is on shift right now.</Typography>
        )}
      </Section>
      {onCall.next.length > 0 && (
        <Section title="Next">
          <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
            {onCall.next.map((assignment, index) => (
              <Assignment key={index} assignment={assignment} />
            ))}
          </ul>
        </Section>
      )}
      {onCall.escalationChain.length > 0 && (
        <Section title="Escalation">
          <ol aria-label="Escalation chain">
            {onCall.escalationChain.map(step => (
              <li key={step.level}>
                <Typography variant="body2">
                  {step.delayMinutes !== undefined
                    ? `after ${step.delayMinutes} min: `
                    : ''}
                  {step.targets
                    .map(
                      target =>
                        `${target.name} (${target.type})${
                          target.onCall?.length
                            ? `, now ${target.onCall
                                .map(p => p.name)
                                .join(', ')}`
                            : ''
                        }`,
                    )
                    .join('; ')}
                </Typography>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {onCall.contactLinks.length > 0 && (
        <Section title="Contact">
          <ul>
            {onCall.contactLinks.map(link => (
              <li key={link.url}>
                <Link to={link.url}>{link.title}</Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {resolution && (
        <Typography variant="caption" color="textSecondary" component="p">
          Source: {SOURCE_NAMES[resolution.source] ?? resolution.source}, from{' '}
          <code>
            {resolution.mapping}: {resolution.mappingValue}
          </code>{' '}
          on {resolution.mappedBy}
          {onCall.fetchedAt && !onCall.stale
            ? `, fetched ${formatRelative(onCall.fetchedAt)}`
            : ''}
          .
        </Typography>
      )}
    </>
  );
}

/**
 * Who is on call for the entity now and next, the escalation chain and where the answer came
 * from; when nothing resolves, where it looked and what to add.
 *
 * @public
 */
export function EntityOnCallCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const onCall = useAsyncRetry(
    () => api.getEntityOnCall(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  let body;
  if (onCall.loading && !onCall.value) {
    body = <Progress />;
  } else if (onCall.error) {
    body = (
      <ResponseErrorPanel
        title={`Could not load the on-call of ${stringifyEntityRef(entity)}`}
        error={onCall.error}
      />
    );
  } else if (onCall.value?.status === 'unresolved') {
    body = <Unresolved onCall={onCall.value} />;
  } else if (onCall.value) {
    body = <OnCallDetails onCall={onCall.value} />;
  }
  return <InfoCard title="On-call">{body}</InfoCard>;
}
