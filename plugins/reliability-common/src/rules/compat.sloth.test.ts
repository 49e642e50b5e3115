/**
 * Compatibility with Sloth: every golden pair under `$RELIABILITY_SHARED_FIXTURES/sloth/<case>/`
 * (`input.yml` and the `expected.yml` that `sloth generate -i input.yml --extra-labels
 * cmd=examplesgen.sh` wrote) must come out equal once parsed. Only `sloth_version` values and
 * comments may differ. The alert window catalogs in `_windows/` are checked too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseSloFiles } from '../spec';
import type { ServiceLevelObjective } from '../spec/model';
import {
  AlertWindows,
  defaultAlertWindows,
  formatPrometheusDuration,
} from '../windows';
import { parseAlertWindowsCatalog } from '../windows/catalog';
import { slothBurnRateFactor } from './burnRateAlerts';
import { generatePrometheusRules } from './generatePrometheusRules';
import { formatGoFloat } from './goFormat';
import { toPrometheusOperatorRuleYaml } from './toPrometheusOperatorRule';
import { toPrometheusRulesYaml } from './toPrometheusRulesYaml';
import type { AlertingRule, RecordingRule, RuleGroup } from './types';

const fixturesRoot = process.env.RELIABILITY_SHARED_FIXTURES;
const slothRoot = fixturesRoot && path.join(fixturesRoot, 'sloth');

if (!slothRoot) {
  // eslint-disable-next-line no-console
  console.warn(
    'compat.sloth.test.ts did NOT run: set RELIABILITY_SHARED_FIXTURES to the shared fixtures directory (e.g. ../shared/fixtures beside the repository) to compare generated rules with Sloth goldens.',
  );
}

const describeWithFixtures = slothRoot ? describe : describe.skip;

if (!slothRoot) {
  // Listed as a todo in every run without the fixtures, so that the gap is seen in the summary.
  it.todo(
    'compare generated rules with the Sloth goldens (set RELIABILITY_SHARED_FIXTURES to run)',
  );
}

/** Replaces every `sloth_version` label value, which names the generator, not the rules. */
function withoutVersions(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutVersions);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === 'sloth_version' ? '<version>' : withoutVersions(v),
      ]),
    );
  }
  return value;
}

/** Every YAML document of a generated file, parsed, empty ones left out. */
function documents(text: string): unknown[] {
  return parseAllDocuments(text)
    .map(doc => doc.toJS())
    .filter(doc => doc !== null && doc !== undefined)
    .map(withoutVersions);
}

function caseDirs(): string[] {
  if (!slothRoot) {
    return [];
  }
  return fs
    .readdirSync(slothRoot, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && !entry.name.startsWith('_'))
    .map(entry => entry.name)
    .filter(name => fs.existsSync(path.join(slothRoot, name, 'input.yml')))
    .sort();
}

function readCase(name: string): {
  input: string;
  expected: string;
  file: string;
} {
  const dir = path.join(slothRoot!, name);
  return {
    file: path.join(dir, 'input.yml'),
    input: fs.readFileSync(path.join(dir, 'input.yml'), 'utf8'),
    expected: fs.readFileSync(path.join(dir, 'expected.yml'), 'utf8'),
  };
}

function parseCase(name: string): ServiceLevelObjective[] {
  const { file, input } = readCase(name);
  const parsed = parseSloFiles([{ path: file, content: input }]);
  expect(parsed.problems.filter(p => p.severity === 'error')).toEqual([]);
  return parsed.slos;
}

/** Serializes as the CLI does: a PrometheusRule for Kubernetes input, a rule file otherwise. */
function serialize(slos: ServiceLevelObjective[], groups: RuleGroup[]): string {
  const kubernetes = slos[0]?.source.kubernetes;
  return kubernetes
    ? toPrometheusOperatorRuleYaml(groups, kubernetes)
    : toPrometheusRulesYaml(groups);
}

function windowsCatalogNames(): string[] {
  const dir = slothRoot && path.join(slothRoot, '_windows');
  if (!dir || !fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter(name => /\.ya?ml$/.test(name))
    .sort();
}

function readWindowsCatalog(name: string): AlertWindows {
  const file = path.join(slothRoot!, '_windows', name);
  const result = parseAlertWindowsCatalog({
    path: file,
    content: fs.readFileSync(file, 'utf8'),
  });
  expect(result.problems).toEqual([]);
  return result.windows!;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function allRules(groups: RuleGroup[]) {
  return groups.flatMap(group => group.rules);
}

describeWithFixtures('Sloth compatibility', () => {
  const cases = caseDirs();

  it('finds golden cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  const catalogNames = windowsCatalogNames();

  // Loops rather than `each`: jest rejects an empty table, and the tables are empty when skipped.
  for (const name of cases) {
    describe(`${name}`, () => {
      it('generates what Sloth generates', () => {
        const slos = parseCase(name);
        const { groups, problems } = generatePrometheusRules(slos, {
          extraLabels: { cmd: 'examplesgen.sh' },
        });
        expect(problems).toEqual([]);
        expect(documents(serialize(slos, groups))).toEqual(
          documents(readCase(name).expected),
        );
      });

      for (const catalogName of catalogNames) {
        it(`with the ${catalogName} windows catalog, follows the catalog`, () => {
          const windows = readWindowsCatalog(catalogName);
          const slos = parseCase(name);
          const { groups, problems } = generatePrometheusRules(slos, {
            extraLabels: { cmd: 'examplesgen.sh' },
            windowsCatalog: [windows],
            defaultSloPeriodMs: windows.sloPeriodMs,
          });
          expect(problems).toEqual([]);
          // The windows recorded and the thresholds alerted on are the catalog's.
          const recorded = allRules(groups)
            .filter((r): r is RecordingRule => 'record' in r)
            .filter(r => r.record.startsWith('slo:sli_error:'))
            .map(r => r.labels.sloth_window);
          const expectedWindows = [
            windows.page.quick.shortWindowMs,
            windows.page.quick.longWindowMs,
            windows.page.slow.shortWindowMs,
            windows.page.slow.longWindowMs,
            windows.ticket.quick.shortWindowMs,
            windows.ticket.quick.longWindowMs,
            windows.ticket.slow.shortWindowMs,
            windows.ticket.slow.longWindowMs,
          ];
          const distinct = [...new Set(expectedWindows)].sort((a, b) => a - b);
          expect(new Set(recorded)).toEqual(
            new Set(
              [...distinct, windows.sloPeriodMs].map(formatPrometheusDuration),
            ),
          );
          const alerts = allRules(groups).filter(
            (r): r is AlertingRule => 'alert' in r,
          );
          for (const alert of alerts) {
            const severity = alert.labels.sloth_severity as 'page' | 'ticket';
            for (const speed of ['quick', 'slow'] as const) {
              const factor = slothBurnRateFactor(
                windows.sloPeriodMs,
                windows[severity][speed],
              );
              expect(alert.expr).toContain(`> (${formatGoFloat(factor)} * `);
            }
          }
        });
      }

      it('with a catalog equal to the built-in 30d windows, generates the golden', () => {
        const builtIn = catalogNames
          .map(readWindowsCatalog)
          .filter(windows => isEqual(windows, defaultAlertWindows[0]));
        expect(builtIn.length).toBeGreaterThan(0);
        for (const windows of builtIn) {
          const slos = parseCase(name);
          const { groups } = generatePrometheusRules(slos, {
            extraLabels: { cmd: 'examplesgen.sh' },
            windowsCatalog: [windows],
          });
          expect(documents(serialize(slos, groups))).toEqual(
            documents(readCase(name).expected),
          );
        }
      });
    });
  }

  it('reports the missing windows when the catalog lacks the SLO period', () => {
    const catalogs = catalogNames
      .map(readWindowsCatalog)
      .filter(windows => windows.sloPeriodMs !== 30 * 24 * 60 * 60 * 1000);
    for (const windows of catalogs) {
      for (const name of cases) {
        const { groups, problems } = generatePrometheusRules(parseCase(name), {
          windowsCatalog: [windows],
        });
        expect(groups).toEqual([]);
        expect(problems[0].message).toContain('--slo-period-windows-path');
      }
    }
  });
});
