import fs from 'node:fs';
import {
  AlertWindows,
  formatPrometheusDuration,
  parseAlertWindowsCatalog,
  SpecProblem,
} from '@reliability/backstage-plugin-common';
import { CliError } from './CliError';
import { discoverYamlFiles } from './discoverYamlFiles';

/**
 * Reads an alert windows catalog directory (`--slo-period-windows-path`): every YAML file under it
 * is one `AlertWindows` document. Two files for the same period must agree, as in Sloth.
 *
 * @internal
 */
export function readWindowsCatalog(dir: string): {
  windows: AlertWindows[];
  problems: SpecProblem[];
} {
  let files: string[];
  try {
    files = discoverYamlFiles(dir);
  } catch (error) {
    throw new CliError(
      `could not read the SLO period windows directory ${dir}: ${
        (error as Error).message
      }`,
    );
  }
  const byPeriod = new Map<number, { windows: AlertWindows; file: string }>();
  const problems: SpecProblem[] = [];
  for (const file of files) {
    const result = parseAlertWindowsCatalog({
      path: file,
      content: fs.readFileSync(file, 'utf8'),
    });
    problems.push(...result.problems);
    if (!result.windows) {
      continue;
    }
    const known = byPeriod.get(result.windows.sloPeriodMs);
    if (!known) {
      byPeriod.set(result.windows.sloPeriodMs, {
        windows: result.windows,
        file,
      });
    } else if (
      JSON.stringify(known.windows) !== JSON.stringify(result.windows)
    ) {
      problems.push({
        file,
        line: 1,
        column: 1,
        path: 'spec.sloPeriod',
        message: `the ${formatPrometheusDuration(
          result.windows.sloPeriodMs,
        )} SLO period already has different windows in ${known.file}`,
        severity: 'error',
      });
    }
  }
  return { windows: [...byPeriod.values()].map(v => v.windows), problems };
}
