import { buildMonthlyReport, MonthlyReportInput } from './buildMonthlyReport';
import { blockedTimeOf, releasesOfMonth } from './releasesOfMonth';
import {
  describeReleases,
  monthlyReportToCsv,
  monthlyReportToMarkdown,
} from './renderReport';

const HOUR = 60 * 60 * 1000;
const FROM = Date.parse('2026-12-01T00:00:00Z');
const TO = Date.parse('2027-01-01T00:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

const override = (id: string, grantedAtMs: number, revoked = false) => ({
  id,
  entityRef: 'component:default/checkout',
  approver: 'user:default/alice',
  reason: `Hotfix, ${id}`,
  grantedAt: at(grantedAtMs),
  expiresAt: at(grantedAtMs + 4 * HOUR),
  revokedAt: revoked ? at(grantedAtMs + HOUR) : null,
  revokedBy: revoked ? 'user:default/bob' : null,
});

describe('blockedTimeOf', () => {
  it('adds up the blocked stretches inside the period, a block that began before it from the period start', () => {
    expect(
      blockedTimeOf(
        [
          { decision: 'allow', at: at(FROM + 10 * HOUR) },
          { decision: 'block', at: at(FROM - 2 * HOUR) },
          { decision: 'block', at: at(FROM + 20 * HOUR) },
          { decision: 'warn', at: at(FROM + 23 * HOUR) },
        ],
        FROM,
        TO,
      ),
    ).toEqual({ blockedMs: 13 * HOUR, blockedAtEnd: false });
    // Still blocked at the end: counted up to it.
    expect(
      blockedTimeOf(
        [{ decision: 'block', at: at(FROM + 5 * HOUR) }],
        FROM,
        FROM + 8 * HOUR,
      ),
    ).toEqual({ blockedMs: 3 * HOUR, blockedAtEnd: true });
  });

  it('knows nothing without a transition before the end, and ignores those after it', () => {
    expect(blockedTimeOf([], FROM, TO)).toEqual({
      blockedMs: null,
      blockedAtEnd: false,
    });
    expect(
      blockedTimeOf([{ decision: 'block', at: at(TO + HOUR) }], FROM, TO),
    ).toEqual({ blockedMs: null, blockedAtEnd: false });
  });
});

describe('releasesOfMonth', () => {
  it("counts the month's decisions and overrides per entity and in total, and leaves out entities without gate data", () => {
    const releases = releasesOfMonth(
      [
        {
          entityRef: 'component:default/checkout',
          decisions: [
            { decision: 'block', decidedAt: at(FROM + HOUR) },
            { decision: 'block', decidedAt: at(FROM + 2 * HOUR) },
            { decision: 'warn', decidedAt: at(FROM + 3 * HOUR) },
            { decision: 'allow', decidedAt: at(FROM + 4 * HOUR) },
            // Last month's: not counted.
            { decision: 'block', decidedAt: at(FROM - HOUR) },
          ],
          transitions: [
            { decision: 'block', at: at(FROM + HOUR) },
            { decision: 'allow', at: at(FROM + 3 * HOUR) },
          ],
          overrides: [
            override('o2', FROM + 2 * HOUR, true),
            override('o1', FROM + HOUR),
            override('old', FROM - 5 * HOUR),
          ],
        },
        {
          entityRef: 'component:default/payments',
          decisions: [{ decision: 'warn', decidedAt: at(FROM + HOUR) }],
          decisionsTruncated: true,
          transitions: [],
          overrides: [],
        },
        {
          entityRef: 'component:default/quiet',
          decisions: [],
          transitions: [],
          overrides: [],
        },
      ],
      FROM,
      TO,
    );
    expect(releases.entities.map(e => e.entityRef)).toEqual([
      'component:default/checkout',
      'component:default/payments',
    ]);
    expect(releases.entities[0]).toMatchObject({
      decisions: 4,
      blockDecisions: 2,
      warnDecisions: 1,
      blockedMs: 2 * HOUR,
      blockedAtEnd: false,
    });
    expect(releases.entities[0].overrides).toEqual([
      {
        id: 'o1',
        entityRef: 'component:default/checkout',
        approver: 'user:default/alice',
        reason: 'Hotfix, o1',
        from: at(FROM + HOUR),
        to: at(FROM + 5 * HOUR),
        revokedAt: null,
        revokedBy: null,
      },
      expect.objectContaining({
        id: 'o2',
        revokedAt: at(FROM + 3 * HOUR),
        revokedBy: 'user:default/bob',
      }),
    ]);
    expect(releases.entities[1].blockedMs).toBeNull();
    expect(releases.total).toEqual({
      decisions: 5,
      blockDecisions: 2,
      warnDecisions: 2,
      blockedMs: 2 * HOUR,
      entitiesBlocked: 1,
      overrides: 2,
    });
    expect(releases.decisionsTruncated).toBe(true);
    expect(describeReleases(releases)).toBe(
      '2 blocked and 2 warned of 5 release decisions; gates blocked 2 h in all (1 of 2 entities); 2 overrides granted. Some entities had more decisions than are kept (200 each): their oldest are not counted.',
    );
  });
});

describe('the release section of the report', () => {
  const base: MonthlyReportInput = {
    subject: 'system:default/shop',
    scope: 'system',
    month: '2026-12',
    nowMs: FROM + 10 * HOUR,
    entities: ['component:default/checkout'],
    slos: [],
    alerts: null,
    levelChanges: [],
    campaigns: [],
    releases: [],
  };

  it('says in one line that the scope has no gate data, in Markdown and on CSV only a total row', () => {
    const report = buildMonthlyReport(base);
    expect(report.releases.entities).toEqual([]);
    const markdown = monthlyReportToMarkdown(report);
    expect(markdown).toContain(
      '## Release gate\n\nNo release gate decisions, blocks or overrides were recorded this month.\n',
    );
    expect(markdown).not.toContain('| Entity | Decisions |');
    expect(monthlyReportToCsv(report, 'releases').split('\r\n')).toEqual([
      'month,subject,entity,decisions,block_decisions,warn_decisions,blocked_ms,blocked_at_end,overrides',
      '2026-12,system:default/shop,total,0,0,0,0,,0',
      '',
    ]);
  });

  it('counts the time blocked up to now in the current month, and renders the tables', () => {
    const report = buildMonthlyReport({
      ...base,
      releases: [
        {
          entityRef: 'component:default/checkout',
          decisions: [{ decision: 'block', decidedAt: at(FROM + 7 * HOUR) }],
          transitions: [{ decision: 'block', at: at(FROM + 7 * HOUR) }],
          overrides: [override('o1', FROM + 8 * HOUR, true)],
        },
      ],
    });
    expect(report.releases.entities[0]).toMatchObject({
      blockedMs: 3 * HOUR,
      blockedAtEnd: true,
    });
    const markdown = monthlyReportToMarkdown(report);
    expect(markdown).toContain(
      '| component:default/checkout | 1 | 1 | 0 | 3 h | yes | 1 |',
    );
    expect(markdown).toContain('| **Total** | 1 | 1 | 0 | 3 h | | 1 |');
    expect(markdown).toContain(
      `| component:default/checkout | user:default/alice | Hotfix, o1 | ${at(
        FROM + 8 * HOUR,
      )} | ${at(FROM + 12 * HOUR)} | ${at(
        FROM + 9 * HOUR,
      )} by user:default/bob |`,
    );
    expect(monthlyReportToCsv(report, 'releases').split('\r\n')[1]).toBe(
      `2026-12,system:default/shop,component:default/checkout,1,1,0,${
        3 * HOUR
      },true,1`,
    );
    expect(monthlyReportToCsv(report, 'overrides').split('\r\n')[1]).toBe(
      `2026-12,system:default/shop,component:default/checkout,o1,user:default/alice,"Hotfix, o1",${at(
        FROM + 8 * HOUR,
      )},${at(FROM + 12 * HOUR)},${at(FROM + 9 * HOUR)},user:default/bob`,
    );
  });
});
