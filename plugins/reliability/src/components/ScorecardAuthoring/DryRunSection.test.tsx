import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import { mockReliabilityApi } from '../../__testUtils__/fixtures';
import { DefinitionProblemsPanel } from './DefinitionProblemsPanel';
import { DRAFT_TEMPLATE, DryRunSection } from './DryRunSection';

jest.setTimeout(30_000);

function render(api: ReliabilityApi, element = <DryRunSection />) {
  return renderInTestApp(element, {
    apis: [
      [reliabilityApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
  });
}

describe('DryRunSection', () => {
  it('tries the draft on the catalog and shows levels and the checks failing most', async () => {
    const api = mockReliabilityApi();
    api.dryRunScorecard.mockResolvedValue({
      entitiesWithFacts: 10,
      durationMs: 12,
      summaries: [
        {
          scorecardId: 'draft-readiness',
          entities: 9,
          notApplicable: 1,
          noLevel: 2,
          levels: [
            { name: 'Bronze', entities: 4 },
            { name: 'Silver', entities: 3 },
          ],
          checks: [
            {
              id: 'slo-defined',
              title: 'SLO defined',
              level: 'Silver',
              failed: 6,
              unknown: 0,
              exempt: 0,
            },
            {
              id: 'owner-is-group',
              title: 'Owned by a team',
              level: 'Bronze',
              failed: 2,
              unknown: 0,
              exempt: 0,
            },
          ],
        },
      ],
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Run on the catalog' }),
    );
    expect(api.dryRunScorecard).toHaveBeenCalledWith(DRAFT_TEMPLATE);
    const summary = await screen.findByRole('region', {
      name: 'Dry run of draft-readiness',
    });
    expect(summary).toHaveTextContent(
      'of 9 entities, 4 would land at Bronze, 3 would land at Silver and 2 at no level; 1 are outside its appliesTo',
    );
    const rows = within(summary).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('SLO definedSilver600');
    expect(screen.getByText(/Tried on 10 entities/)).toBeInTheDocument();
  });

  it('lists the problems of a draft the backend refuses, one per line', async () => {
    const api = mockReliabilityApi();
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message:
            'The draft scorecard has 1 problem; nothing was evaluated:\ndraft:7:20: scorecards[0].levels[0].checks[0].check unknown check "nope"',
        },
        request: { method: 'POST', url: '/scorecards/dry-run' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    );
    api.dryRunScorecard.mockRejectedValue(
      await ResponseError.fromResponse(response as any),
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Run on the catalog' }),
    );
    const problems = await screen.findByRole('list', {
      name: 'Draft problems',
    });
    expect(within(problems).getAllByRole('listitem')[1]).toHaveTextContent(
      'draft:7:20: scorecards[0].levels[0].checks[0].check unknown check "nope"',
    );
  });
});

describe('DefinitionProblemsPanel', () => {
  it('shows each file problem with its line and path, and that the previous definition is served', async () => {
    const api = mockReliabilityApi();
    api.getScorecardDefinitionStatus.mockResolvedValue({
      loadedAt: '2026-12-02T02:00:00Z',
      scorecards: [{ id: 'readiness', source: 'scorecards.yaml' }],
      problems: [
        {
          source: 'scorecards.yaml',
          file: 'scorecards.yaml',
          line: 7,
          column: 20,
          path: 'scorecards[0].levels[0].checks[0].check',
          message: 'unknown check "nope"',
          servingPrevious: true,
        },
      ],
    });
    await render(api, <DefinitionProblemsPanel />);
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('A scorecard definition has an error');
    expect(panel).toHaveTextContent(
      'scorecards.yaml:7:20 at scorecards[0].levels[0].checks[0].check: unknown check "nope" (its previous definitions are still served)',
    );
  });

  it('shows nothing when the definitions are fine', async () => {
    const api = mockReliabilityApi();
    await render(api, <DefinitionProblemsPanel />);
    await waitFor(() =>
      expect(api.getScorecardDefinitionStatus).toHaveBeenCalled(),
    );
    expect(
      screen.queryByRole('region', { name: 'Scorecard definition problems' }),
    ).not.toBeInTheDocument();
  });
});
