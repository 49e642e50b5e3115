import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  EntityRunbookTreeView,
  findRunbookEntryNode,
  formatRunbookWalk,
  formatSpecProblem,
  RunbookFlagView,
  RunbookNode,
  RunbookTree,
  RunbookWalkView,
} from '@reliability/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { formatRelative } from '../../lib/format';
import { CodeBlock } from '../CodeBlock';
import { StatusLabel } from '../StatusLabel';
import { EscalationOnCall } from './EscalationOnCall';
import { RunbookEvidenceList } from './RunbookEvidenceList';
import { ALERT_PARAM } from './runbookLinks';
import { currentNode, walkReducer, WalkState } from './walkState';

const ADD_TREE_SNIPPET = `metadata:
  annotations:
    # A decision-tree runbook beside catalog-info.yaml
    # (apiVersion: reliability.dev/v1, kind: Runbook)
    reliability/runbook: ./runbook.yaml`;

function who(ref: string): string {
  return ref.replace(/^user:(default\/)?/, '');
}

function Freshness(props: { view: EntityRunbookTreeView }) {
  const { lastWalk, lastChangedAt } = props.view;
  return (
    <Typography variant="body2" color="textSecondary">
      {lastWalk
        ? `Last walked ${formatRelative(lastWalk.walkedAt)} by ${who(
            lastWalk.walkedBy,
          )} (${lastWalk.outcome})`
        : 'Never walked'}
      {lastChangedAt ? ` · last changed ${formatRelative(lastChangedAt)}` : ''}
    </Typography>
  );
}

function PathTaken(props: {
  tree: RunbookTree;
  state: WalkState;
  alert?: string;
  entityName: string;
}) {
  const { tree, state } = props;
  const [copied, setCopied] = useState<string>();
  const text = formatRunbookWalk(tree, state.path, {
    alert: props.alert,
    entity: props.entityName,
  });
  const titles = new Map(tree.nodes.map(node => [node.id, node.title]));
  const taken = state.path.slice(0, -1);
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3">
        Path taken
      </Typography>
      {taken.length === 0 ? (
        <Typography variant="body2">
          Nothing yet: this is the first step.
        </Typography>
      ) : (
        <ol aria-label="Path taken">
          {taken.map((step, index) => (
            <li key={index}>
              <Typography variant="body2">
                {titles.get(step.node) ?? step.node}
                {step.answer ? ` → ${step.answer}` : ''}
              </Typography>
            </li>
          ))}
        </ol>
      )}
      <Button
        variant="outlined"
        size="small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied('Path copied for the incident channel');
          } catch {
            setCopied('Could not copy: select the text below');
          }
        }}
      >
        Copy path as text
      </Button>
      <Typography variant="body2" role="status" component="span">
        {copied ? ` ${copied}` : ''}
      </Typography>
      <TextField
        id="runbook-walk-path-text"
        label="Path as text"
        value={text}
        multiline
        fullWidth
        minRows={2}
        margin="dense"
        variant="outlined"
        InputProps={{ readOnly: true }}
      />
    </Box>
  );
}

function StepFlags(props: { flags: RunbookFlagView[] }) {
  if (props.flags.length === 0) {
    return null;
  }
  return (
    <Box mt={1}>
      <ul aria-label="Open flags on this step" style={{ paddingLeft: 16 }}>
        {props.flags.map(flag => (
          <li key={flag.id}>
            <Typography variant="body2">
              <StatusLabel tone="warning">flagged</StatusLabel> {flag.comment} (
              {who(flag.createdBy)}, {formatRelative(flag.createdAt)})
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function FlagStep(props: {
  entity: CompoundEntityRef;
  node: RunbookNode;
  onFlagged: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <Box mt={1}>
        <Button size="small" variant="text" onClick={() => setOpen(true)}>
          Flag this step as wrong or outdated
        </Button>
        <Typography variant="body2" role="status" component="span">
          {status ?? ''}
        </Typography>
      </Box>
    );
  }
  return (
    <Box
      component="form"
      mt={1}
      aria-label={`Flag the step ${props.node.title}`}
      onSubmit={async (event: React.FormEvent) => {
        event.preventDefault();
        setBusy(true);
        try {
          await api.flagRunbookStep(props.entity, {
            node: props.node.id,
            comment,
          });
          setStatus('Flagged: the owners will see it.');
          setComment('');
          setOpen(false);
          props.onFlagged();
        } catch (error) {
          setStatus(`Could not flag the step: ${(error as Error).message}`);
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField
        id={`runbook-flag-comment-${props.node.id}`}
        label="What is wrong with this step?"
        value={comment}
        onChange={event => setComment(event.target.value)}
        required
        fullWidth
        multiline
        minRows={2}
        variant="outlined"
        inputProps={{ maxLength: 2000 }}
      />
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          size="small"
          disabled={busy || comment.trim().length === 0}
        >
          Flag step
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Box>
      <Typography variant="body2" role="status">
        {status ?? ''}
      </Typography>
    </Box>
  );
}

function OpenFlags(props: {
  entity: CompoundEntityRef;
  tree?: RunbookTree;
  flags: RunbookFlagView[];
  onResolved: () => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [status, setStatus] = useState<string>();
  const titles = new Map(props.tree?.nodes.map(node => [node.id, node.title]));
  return (
    <Box mt={3}>
      <Typography variant="h6" component="h3">
        Open flags ({props.flags.length})
      </Typography>
      {props.flags.length === 0 ? (
        <Typography variant="body2">
          No open flags: responders have not marked any step as wrong.
        </Typography>
      ) : (
        <ul aria-label="Open flags" style={{ paddingLeft: 16 }}>
          {props.flags.map(flag => (
            <li key={flag.id}>
              <Typography variant="body2">
                <strong>{titles.get(flag.node) ?? flag.node}</strong>:{' '}
                {flag.comment} ({who(flag.createdBy)},{' '}
                {formatRelative(flag.createdAt)}){' '}
                <Button
                  size="small"
                  variant="outlined"
                  aria-label={`Resolve the flag on ${
                    titles.get(flag.node) ?? flag.node
                  }: ${flag.comment}`}
                  onClick={async () => {
                    try {
                      await api.resolveRunbookFlag(props.entity, flag.id);
                      setStatus('Flag resolved.');
                      props.onResolved();
                    } catch (error) {
                      setStatus(
                        `Could not resolve the flag: ${
                          (error as Error).message
                        }`,
                      );
                    }
                  }}
                >
                  Resolve
                </Button>
              </Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="body2" role="status">
        {status ?? ''}
      </Typography>
    </Box>
  );
}

function recordedText(recorded: RunbookWalkView | string | undefined) {
  if (typeof recorded === 'string') {
    return recorded;
  }
  return recorded ? 'Walk recorded.' : '';
}

function Step(props: {
  entity: CompoundEntityRef;
  entityRef: string;
  ownerRef?: string;
  node: RunbookNode;
  canGoBack: boolean;
  flags: RunbookFlagView[];
  canFlag: boolean;
  recorded?: RunbookWalkView | string;
  onAnswer: (label: string) => void;
  onContinue: () => void;
  onBack: () => void;
  onRestart: () => void;
  onFlagged: () => void;
}) {
  const { node } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new question, not on the button they pressed.
    headingRef.current?.focus();
  }, [node.id]);
  return (
    <Box
      component="section"
      aria-label="Current step"
      p={2}
      border={1}
      borderColor="divider"
      borderRadius={4}
    >
      <Typography
        variant="h5"
        component="h3"
        tabIndex={-1}
        ref={headingRef}
        style={{ outline: 'none' }}
      >
        {node.title}
      </Typography>
      <Typography variant="body1" style={{ whiteSpace: 'pre-wrap' }}>
        {node.type === 'question' ? node.question : node.action}
      </Typography>
      <StepFlags flags={props.flags} />
      <RunbookEvidenceList entity={props.entity} evidence={node.evidence} />
      {node.type === 'action' && node.commands.length > 0 && (
        <Box mt={2}>
          <CodeBlock
            label={`Commands of ${node.title}`}
            text={node.commands.join('\n')}
          />
        </Box>
      )}
      {node.type === 'action' && node.links.length > 0 && (
        <EvidenceLinks node={node} />
      )}
      {node.type === 'action' && node.end === 'escalate' && (
        <EscalationOnCall
          entity={props.entity}
          entityRef={props.entityRef}
          ownerRef={props.ownerRef}
          escalation={node.escalation}
        />
      )}
      {node.type === 'action' && node.end === 'resolved' && (
        <Box mt={2}>
          <StatusLabel tone="ok">resolved</StatusLabel>{' '}
          <Typography variant="body2" component="span">
            The walk ends here.
          </Typography>
        </Box>
      )}
      {node.type === 'action' && node.end && (
        <Typography variant="body2" role="status">
          {recordedText(props.recorded)}
        </Typography>
      )}
      <Box
        mt={2}
        display="flex"
        flexWrap="wrap"
        style={{ gap: 8 }}
        role="group"
        aria-label={node.type === 'question' ? 'Answers' : 'Next'}
      >
        {node.type === 'question' &&
          node.answers.map(answer => (
            <Button
              key={answer.label}
              variant="contained"
              color="primary"
              onClick={() => props.onAnswer(answer.label)}
            >
              {answer.label}
            </Button>
          ))}
        {node.type === 'action' && node.next && (
          <Button
            variant="contained"
            color="primary"
            onClick={props.onContinue}
          >
            Done, next step
          </Button>
        )}
        {props.canGoBack && (
          <Button variant="outlined" onClick={props.onBack}>
            Back
          </Button>
        )}
        <Button variant="text" onClick={props.onRestart}>
          Start over
        </Button>
      </Box>
      {props.canFlag && (
        <FlagStep
          entity={props.entity}
          node={node}
          onFlagged={props.onFlagged}
        />
      )}
    </Box>
  );
}

function EvidenceLinks(props: {
  node: Extract<RunbookNode, { type: 'action' }>;
}) {
  return (
    <RunbookEvidenceList
      title="Links"
      evidence={props.node.links.map(link => ({ type: 'link', link }))}
    />
  );
}

function Walk(props: {
  entity: CompoundEntityRef;
  entityRef: string;
  ownerRef?: string;
  entityName: string;
  view: EntityRunbookTreeView;
  tree: RunbookTree;
  refresh: () => void;
}) {
  const { tree, view } = props;
  const api = useApi(reliabilityApiRef);
  const [params] = useSearchParams();
  const alert = params.get(ALERT_PARAM)?.trim() || undefined;
  const entry = tree.entryPoints.find(point => point.alert === alert);
  const start = findRunbookEntryNode(tree, alert).id;
  const reducer = useMemo(() => walkReducer(tree), [tree]);
  const [state, dispatch] = useReducer(reducer, { path: [{ node: start }] });
  useEffect(() => {
    // A new alert in the URL starts a new walk at its entry point.
    dispatch({ type: 'restart', start });
  }, [start]);
  const node = currentNode(tree, state);
  const [recorded, setRecorded] = useState<{
    key: string;
    result: RunbookWalkView | string;
  }>();
  const pathKey = JSON.stringify(state.path);
  const atEnd = node.type === 'action' && node.end !== undefined;
  const { refresh } = props;
  useEffect(() => {
    if (!atEnd || recorded?.key === pathKey) {
      return;
    }
    let cancelled = false;
    api
      .recordRunbookWalk(props.entity, {
        ...(entry ? { alert } : {}),
        path: state.path,
      })
      .then(
        walk => {
          if (!cancelled) {
            setRecorded({ key: pathKey, result: walk });
            refresh();
          }
        },
        error => {
          if (!cancelled) {
            setRecorded({
              key: pathKey,
              result: `The walk was not recorded: ${error.message}`,
            });
          }
        },
      );
    // eslint-disable-next-line consistent-return
    return () => {
      cancelled = true;
    };
    // Recorded once per path that reaches an end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [atEnd, pathKey]);

  return (
    <>
      {alert && (
        <Typography variant="body2" role="note">
          {entry
            ? `Started from the alert ${alert}.`
            : `The runbook has no entry point for the alert ${alert}: starting from the top.`}
        </Typography>
      )}
      <Step
        entity={props.entity}
        entityRef={props.entityRef}
        ownerRef={props.ownerRef}
        node={node}
        canGoBack={state.path.length > 1}
        flags={view.openFlags.filter(flag => flag.node === node.id)}
        canFlag={view.canFlag}
        recorded={recorded?.key === pathKey ? recorded.result : undefined}
        onAnswer={label => dispatch({ type: 'answer', label })}
        onContinue={() => dispatch({ type: 'continue' })}
        onBack={() => dispatch({ type: 'back' })}
        onRestart={() => dispatch({ type: 'restart', start })}
        onFlagged={props.refresh}
      />
      <PathTaken
        tree={tree}
        state={state}
        alert={entry ? alert : undefined}
        entityName={props.entityName}
      />
    </>
  );
}

/**
 * The entity's decision-tree runbook, walked one question at a time: from the top, or from an
 * alert's entry point when the page's URL has `?alert=<name>` (the alert's runbook link). Each
 * step shows its evidence live (the SLO's SLI and burn rates, links), an escalation shows who is
 * on call now and next, the path taken can be copied as text, and a step can be flagged as wrong.
 * Whoever may resolve flags (typically the owners) sees the open flags.
 *
 * @public
 */
export function EntityRunbookWalkCard() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const ref = getCompoundEntityRef(entity);
  const tree = useAsyncRetry(
    () => api.getEntityRunbookTree(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
  const view = tree.value;
  let body: JSX.Element;
  if (tree.loading && !view) {
    body = <Progress />;
  } else if (tree.error) {
    body = <ResponseErrorPanel error={tree.error} />;
  } else if (!view || !view.source) {
    body = (
      <>
        <Typography variant="body2" paragraph>
          No decision-tree runbook: name a runbook file with the{' '}
          <code>reliability/runbook</code> annotation to walk it here, one
          question at a time, from the top or from an alert.
        </Typography>
        <CodeBlock label="catalog-info.yaml" text={ADD_TREE_SNIPPET} />
      </>
    );
  } else {
    const errors = view.problems.filter(p => p.severity === 'error');
    body = (
      <>
        <Freshness view={view} />
        {view.problems.length > 0 && (
          <Box mt={1}>
            <Typography variant="body2" color="error" component="p">
              {view.runbook
                ? `The runbook file has ${view.problems.length} problem(s); the walk still works:`
                : `The runbook file cannot be walked until its ${errors.length} error(s) are fixed:`}
            </Typography>
            <ul aria-label="Problems of the runbook file">
              {view.problems.map((problem, index) => (
                <li key={index}>
                  <Typography variant="body2">
                    <code>{formatSpecProblem(problem)}</code>
                  </Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
        {view.runbook && (
          <Box mt={2}>
            <Walk
              entity={ref}
              entityRef={stringifyEntityRef(entity)}
              ownerRef={
                typeof entity.spec?.owner === 'string'
                  ? entity.spec.owner
                  : undefined
              }
              entityName={entity.metadata.title ?? entity.metadata.name}
              view={view}
              tree={view.runbook}
              refresh={tree.retry}
            />
          </Box>
        )}
        {view.canResolveFlags && (
          <OpenFlags
            entity={ref}
            tree={view.runbook}
            flags={view.openFlags}
            onResolved={tree.retry}
          />
        )}
        {view.source.url && (
          <Box mt={2}>
            <Link to={view.source.url}>Open the runbook file</Link>
          </Box>
        )}
      </>
    );
  }
  return (
    <div id="runbook-walk">
      <InfoCard title="Walk the runbook" subheader={view?.runbook?.title}>
        {body}
      </InfoCard>
    </div>
  );
}
