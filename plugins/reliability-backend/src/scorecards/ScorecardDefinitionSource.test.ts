import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { NotModifiedError } from '@backstage/errors';
import {
  builtInScorecardChecks,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import { ScorecardDefinitionSource } from './ScorecardDefinitionSource';

const checks = ScorecardCheckRegistry.create(builtInScorecardChecks);

function scorecardFile(id: string, check = 'owner-is-group') {
  return `scorecards:
  - id: ${id}
    title: ${id}
    levels:
      - name: Bronze
        checks:
          - check: ${check}
`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scorecard-source-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A UrlReader serving `files` by URL with their content as ETag, as SCM integrations do. */
function fakeUrlReader(files: Map<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    reader: {
      readUrl: async (url: string, options?: { etag?: string }) => {
        reads.push(url);
        const content = files.get(url);
        if (content === undefined) {
          throw new Error(`404 Not Found: ${url}`);
        }
        if (options?.etag === content) {
          throw new NotModifiedError();
        }
        return {
          buffer: async () => Buffer.from(content),
          etag: content,
          stream: () => {
            throw new Error('unused');
          },
        };
      },
      readTree: async () => {
        throw new Error('unused');
      },
      search: async () => {
        throw new Error('unused');
      },
    },
  };
}

async function createSource(
  config: JsonObject,
  urlFiles = new Map<string, string>(),
) {
  const logger = mockServices.logger.mock();
  const url = fakeUrlReader(urlFiles);
  const source = await ScorecardDefinitionSource.create({
    config: new ConfigReader({ reliability: config }),
    checks,
    logger,
    baseDir: dir,
    reader: DefaultSloFileReader.create({ urlReader: url.reader as any }),
  });
  return { source, logger, reads: url.reads };
}

describe('ScorecardDefinitionSource', () => {
  it('serves app-config and files at paths and URLs together', async () => {
    writeFileSync(join(dir, 'local.yaml'), scorecardFile('local'));
    const { source } = await createSource(
      {
        scorecards: [
          {
            id: 'inline',
            title: 'Inline',
            levels: [{ name: 'Bronze', checks: [{ check: 'tier-declared' }] }],
          },
        ],
        scorecardLocations: [
          'local.yaml',
          'https://git.example.com/remote.yaml',
        ],
      },
      new Map([
        ['https://git.example.com/remote.yaml', scorecardFile('remote')],
      ]),
    );
    expect(source.list().map(s => s.id)).toEqual(['inline', 'local', 'remote']);
    expect(source.status().problems).toEqual([]);
  });

  it('keeps serving the previous definition of a file that breaks, reports the line and path, and takes the fix without a restart', async () => {
    const file = join(dir, 'scorecards.yaml');
    writeFileSync(file, scorecardFile('readiness'));
    const { source, logger } = await createSource({
      scorecardLocations: ['scorecards.yaml'],
    });
    expect(source.list().map(s => s.levels[0].checks[0].check)).toEqual([
      'owner-is-group',
    ]);

    writeFileSync(file, scorecardFile('readiness', 'no-such-check'));
    await source.reload();
    // The broken edit is not served: the previous definition is.
    expect(source.list().map(s => s.levels[0].checks[0].check)).toEqual([
      'owner-is-group',
    ]);
    expect(source.status().problems).toEqual([
      expect.objectContaining({
        file,
        line: 7,
        path: 'scorecards[0].levels[0].checks[0].check',
        message: expect.stringContaining('unknown check "no-such-check"'),
        servingPrevious: true,
      }),
    ]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        `${file}:7:20: scorecards[0].levels[0].checks[0].check unknown check`,
      ),
    );

    writeFileSync(file, scorecardFile('readiness', 'tier-declared'));
    await source.reload();
    expect(source.list().map(s => s.levels[0].checks[0].check)).toEqual([
      'tier-declared',
    ]);
    expect(source.status().problems).toEqual([]);
  });

  it('keeps the previous definitions of a URL that stops answering, and does not parse an unchanged one again', async () => {
    const files = new Map([
      ['https://git.example.com/a.yaml', scorecardFile('remote')],
    ]);
    const { source, reads } = await createSource(
      { scorecardLocations: ['https://git.example.com/a.yaml'] },
      files,
    );
    await source.reload();
    expect(reads).toHaveLength(2);
    expect(source.list().map(s => s.id)).toEqual(['remote']);
    files.delete('https://git.example.com/a.yaml');
    await source.reload();
    expect(source.list().map(s => s.id)).toEqual(['remote']);
    expect(source.status().problems).toEqual([
      expect.objectContaining({
        path: 'reliability.scorecardLocations[0]',
        message: expect.stringContaining('could not be read'),
        servingPrevious: true,
      }),
    ]);
  });

  it('serves the valid scorecards of a file that never was valid, and reports the others', async () => {
    writeFileSync(
      join(dir, 'mixed.yaml'),
      `${scorecardFile('good')}  - id: bad\n    title: Bad\n    levels: []\n`,
    );
    const { source } = await createSource({ scorecardFiles: ['mixed.yaml'] });
    expect(source.list().map(s => s.id)).toEqual(['good']);
    expect(source.status().problems).toEqual([
      expect.objectContaining({
        line: 10,
        path: 'scorecards[1].levels',
        servingPrevious: false,
      }),
    ]);
  });

  it('schedules a local re-read on every replica when files are configured', async () => {
    writeFileSync(join(dir, 'a.yaml'), scorecardFile('a'));
    const { source } = await createSource({
      scorecardLocations: ['a.yaml'],
      scorecardReload: { frequencySeconds: 30 },
    });
    const scheduler = mockServices.scheduler.mock();
    await source.schedule(scheduler);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-reload-scorecards',
        scope: 'local',
        frequency: { seconds: 30 },
      }),
    );
  });
});
