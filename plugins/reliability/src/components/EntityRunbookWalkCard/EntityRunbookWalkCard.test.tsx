import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeRunbookFlag,
  makeRunbookTreeView,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityRunbookWalkCard } from './EntityRunbookWalkCard';
import { alertRunbookWalkHref } from './runbookLinks';

// userEvent on a shared, loaded machine: a walk of several clicks takes seconds.
jest.setTimeout(60_000);

function render(api: ReliabilityApi, path = '/') {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityRunbookWalkCard />
    </EntityProvider>,
    {
      apis: [[reliabilityApiRef, api]],
      initialRouteEntries: [path],
      // The people on call link to their user entities.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function currentStep() {
  return within(screen.getByRole('region', { name: 'Current step' }));
}

async function loadedStep() {
  return within(await screen.findByRole('region', { name: 'Current step' }));
}

describe('EntityRunbookWalkCard', () => {
  it('starts at the top with one question and its live evidence, and answers lead on', async () => {
    const api = mockReliabilityApi();
    await render(api);

    expect(
      await screen.findByRole('heading', { name: 'Which windows burn?' }),
    ).toBeInTheDocument();
    expect(
      currentStep().getByText(
        'Do both burn-rate windows of availability fire?',
      ),
    ).toBeInTheDocument();
    // The SLO the node names, with its SLI and burn rates from the SLO API.
    expect(
      await currentStep().findByText(/SLI 99.95% against 99.9%/),
    ).toBeInTheDocument();
    const burnRates = currentStep().getByRole('list', {
      name: 'Burn rates of Checkout availability',
    });
    expect(within(burnRates).getByText('5m: 0.5×')).toBeInTheDocument();
    expect(
      currentStep().getByRole('link', { name: /Checkout dashboard/ }),
    ).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/checkout?var-service=checkout',
    );
    expect(screen.getByText('Never walked', { exact: false })).toBeVisible();

    await userEvent.click(
      currentStep().getByRole('button', { name: 'Both fire' }),
    );
    expect(
      screen.getByRole('heading', { name: 'Roll back checkout' }),
    ).toHaveFocus();
    expect(
      currentStep().getByRole('region', {
        name: 'Commands of Roll back checkout',
      }),
    ).toHaveTextContent('kubectl -n checkout rollout undo deployment/checkout');
    const taken = screen.getByRole('list', { name: 'Path taken' });
    expect(
      within(taken).getByText('Which windows burn? → Both fire'),
    ).toBeVisible();

    await userEvent.click(currentStep().getByRole('button', { name: 'Back' }));
    expect(
      screen.getByRole('heading', { name: 'Which windows burn?' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Path taken' })).toBeNull();
    expect(api.recordRunbookWalk).not.toHaveBeenCalled();
  });

  it("lands on the alert's entry node from ?alert= and records the walk with the alert at its end", async () => {
    const api = mockReliabilityApi();
    await render(api, '/?alert=CheckoutLatencyHigh');

    expect(
      await screen.findByRole('heading', { name: 'Find the slow endpoints' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Started from the alert CheckoutLatencyHigh.'),
    ).toBeInTheDocument();
    expect(currentStep().getByText('resolved')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.recordRunbookWalk).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'checkout' }),
        { alert: 'CheckoutLatencyHigh', path: [{ node: 'slow' }] },
      ),
    );
    expect(await currentStep().findByText('Walk recorded.')).toBeVisible();
  });

  it('starts from the top for an alert without an entry point, saying so', async () => {
    await render(mockReliabilityApi(), '/?alert=SomethingElse');
    expect(
      await screen.findByText(
        'The runbook has no entry point for the alert SomethingElse: starting from the top.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Which windows burn?' }),
    ).toBeInTheDocument();
  });

  it('shows who is on call now and next at an escalation, and copies the path as text', async () => {
    const api = mockReliabilityApi();
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await render(api, '/?alert=CheckoutHighErrorRate');

    await userEvent.click(
      (await loadedStep()).getByRole('button', { name: 'Both fire' }),
    );
    await userEvent.click(
      currentStep().getByRole('button', { name: 'Done, next step' }),
    );
    const escalation = within(
      screen.getByRole('region', { name: 'Escalation' }),
    );
    expect(
      escalation.getByRole('heading', {
        name: 'Escalate to group:default/guests',
      }),
    ).toBeInTheDocument();
    expect(
      escalation.getByText('Tell them: share the failing request ids'),
    ).toBeInTheDocument();
    const now = await escalation.findByRole('list', { name: 'On call now' });
    expect(within(now).getByText(/Alice Liddell/)).toBeInTheDocument();
    expect(
      within(escalation.getByRole('list', { name: 'On call next' })).getByText(
        /Dave Lister/,
      ),
    ).toBeInTheDocument();
    // The owner's rotation is the entity's own: asked once, through the entity.
    expect(api.getEntityOnCall).toHaveBeenCalled();
    expect(api.getOwnerOnCall).not.toHaveBeenCalled();

    await waitFor(() =>
      expect(api.recordRunbookWalk).toHaveBeenCalledWith(expect.anything(), {
        alert: 'CheckoutHighErrorRate',
        path: [
          { node: 'burning', answer: 'Both fire' },
          { node: 'roll-back' },
          { node: 'page' },
        ],
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Copy path as text' }),
    );
    const text = [
      'Runbook "Checkout runbook" of checkout, from the alert CheckoutHighErrorRate:',
      '1. Which windows burn?: Do both burn-rate windows of availability fire? → Both fire',
      '2. Roll back checkout → done',
      '3. Page payments → escalate to group:default/guests (share the failing request ids)',
    ].join('\n');
    expect(writeText).toHaveBeenCalledWith(text);
    expect(
      await screen.findByText(/Path copied for the incident channel/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Path as text')).toHaveValue(text);
  });

  it('asks the owner group of another team for its on-call at an escalation to it', async () => {
    const api = mockReliabilityApi();
    const base = makeRunbookTreeView();
    const tree = base.runbook!;
    api.getEntityRunbookTree.mockResolvedValue({
      ...base,
      runbook: {
        ...tree,
        nodes: tree.nodes.map(node =>
          node.id === 'page' && node.type === 'action'
            ? { ...node, escalation: { to: 'group:default/payments' } }
            : node,
        ),
      },
    });
    await render(api);
    await userEvent.click(
      (await loadedStep()).getByRole('button', { name: 'Both fire' }),
    );
    await userEvent.click(
      currentStep().getByRole('button', { name: 'Done, next step' }),
    );
    await waitFor(() =>
      expect(api.getOwnerOnCall).toHaveBeenCalledWith('group:default/payments'),
    );
  });

  it('flags a step with a comment and shows the open flags of the step shown', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({
        openFlags: [
          makeRunbookFlag({
            node: 'burning',
            comment: 'the 6h window is gone',
          }),
        ],
      }),
    );
    await render(api);

    const flags = await screen.findByRole('list', {
      name: 'Open flags on this step',
    });
    expect(within(flags).getByText(/the 6h window is gone/)).toBeVisible();
    // Not an owner: no list of every open flag to resolve.
    expect(screen.queryByRole('heading', { name: /^Open flags/ })).toBeNull();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Flag this step as wrong or outdated',
      }),
    );
    const form = screen.getByRole('form', {
      name: 'Flag the step Which windows burn?',
    });
    const submit = within(form).getByRole('button', { name: 'Flag step' });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(form).getByRole('textbox', {
        name: /What is wrong with this step/,
      }),
      'the dashboard moved',
    );
    await userEvent.click(submit);
    expect(api.flagRunbookStep).toHaveBeenCalledWith(expect.anything(), {
      node: 'burning',
      comment: 'the dashboard moved',
    });
    expect(
      await screen.findByText('Flagged: the owners will see it.'),
    ).toBeInTheDocument();
    // The tree is read again, so the new flag shows.
    expect(api.getEntityRunbookTree).toHaveBeenCalledTimes(2);
  });

  it('shows no flag button without the permission to flag', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({ canFlag: false }),
    );
    await render(api);
    await screen.findByRole('heading', { name: 'Which windows burn?' });
    expect(screen.queryByRole('button', { name: /Flag this step/ })).toBeNull();
  });

  it('lets whoever may resolve flags see every open flag and resolve one', async () => {
    const api = mockReliabilityApi();
    const flag = makeRunbookFlag();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({ canResolveFlags: true, openFlags: [flag] }),
    );
    await render(api);

    expect(
      await screen.findByRole('heading', { name: 'Open flags (1)' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Open flags' });
    expect(within(list).getByText('Roll back checkout')).toBeVisible();
    await userEvent.click(
      within(list).getByRole('button', {
        name: 'Resolve the flag on Roll back checkout: the deployment is called checkout-api now',
      }),
    );
    expect(api.resolveRunbookFlag).toHaveBeenCalledWith(
      expect.anything(),
      flag.id,
    );
    expect(await screen.findByText('Flag resolved.')).toBeInTheDocument();
  });

  it('shows when the runbook was last walked and changed', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({
        lastWalk: {
          id: 'w',
          entityRef: 'component:default/checkout',
          path: [{ node: 'slow' }],
          outcome: 'resolved',
          walkedBy: 'user:default/alice',
          walkedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          contentHash: 'a'.repeat(64),
        },
      }),
    );
    await render(api);
    expect(
      await screen.findByText(
        /Last walked 2 days ago by alice \(resolved\) · last changed 3 days ago/,
      ),
    ).toBeInTheDocument();
  });

  it('lists the problems of a broken file with their positions, without a walk', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({
        runbook: undefined,
        problems: [
          {
            file: 'file:/repo/checkout/runbook.yaml',
            line: 19,
            column: 17,
            path: 'spec.nodes.burning.answers[1].next',
            message: 'no node "nowhere"',
            severity: 'error',
          },
        ],
      }),
    );
    await render(api);
    const problems = await screen.findByRole('list', {
      name: 'Problems of the runbook file',
    });
    expect(problems).toHaveTextContent(
      'file:/repo/checkout/runbook.yaml:19:17 spec.nodes.burning.answers[1].next no node "nowhere"',
    );
    expect(screen.queryByRole('region', { name: 'Current step' })).toBeNull();
  });

  it('explains how to add a decision tree when the entity has none', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbookTree.mockResolvedValue(
      makeRunbookTreeView({ source: undefined, runbook: undefined }),
    );
    await render(api);
    expect(
      await screen.findByRole('region', { name: 'catalog-info.yaml' }),
    ).toHaveTextContent('reliability/runbook: ./runbook.yaml');
  });
});

describe('alertRunbookWalkHref', () => {
  const entity = (runbook?: string): Entity => ({
    ...makeEntity(),
    metadata: {
      name: 'checkout',
      annotations: runbook ? { 'reliability/runbook': runbook } : {},
    },
  });

  it('points an alert at its entry point on the Reliability tab when the runbook is a tree', () => {
    expect(
      alertRunbookWalkHref(entity('./runbook.yaml'), 'CheckoutHighErrorRate'),
    ).toBe('?alert=CheckoutHighErrorRate#runbook-walk');
    expect(
      alertRunbookWalkHref(entity('./runbook.md'), 'CheckoutHighErrorRate'),
    ).toBeUndefined();
    expect(
      alertRunbookWalkHref(entity(), 'CheckoutHighErrorRate'),
    ).toBeUndefined();
    expect(
      alertRunbookWalkHref(entity('./runbook.yaml'), undefined),
    ).toBeUndefined();
  });
});
