import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultSloFileReader } from '../../catalog/SloFileReader';
import { RotationOnCallProvider } from './RotationOnCallProvider';

const ROTATION = `apiVersion: reliability.dev/v1
kind: Rotation
metadata:
  name: payments-oncall
spec:
  timeZone: Europe/Berlin
  layers:
    - name: weekly
      start: 2026-01-05T09:00
      shiftLength: 1w
      members: [alice, bob]
  overrides:
    - { start: 2026-11-24T09:00, end: 2026-11-25T09:00, user: carol }
  escalation:
    - { after: 15m, users: [erin] }
`;

describe('RotationOnCallProvider', () => {
  let dir: string;
  let group: Entity;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rotation-'));
    await fs.writeFile(path.join(dir, 'rotation.yaml'), ROTATION);
    await fs.writeFile(path.join(dir, 'broken.yaml'), 'kind: Rotation\n');
    group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'payments',
        namespace: 'default',
        annotations: {
          'reliability/rotation': './rotation.yaml',
          'backstage.io/managed-by-location': `file:${path.join(
            dir,
            'org.yaml',
          )}`,
        },
      },
      spec: { type: 'team', children: [] },
    };
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const provider = () =>
    RotationOnCallProvider.create({
      reader: DefaultSloFileReader.create({
        urlReader: mockServices.urlReader.mock(),
      }),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    });

  it('maps groups by their reliability/rotation annotation', () => {
    expect(provider().mappingFor(group)).toEqual({
      annotation: 'reliability/rotation',
      value: './rotation.yaml',
    });
    expect(
      provider().mappingFor({ ...group, metadata: { name: 'x' } }),
    ).toBeUndefined();
  });

  it('reads the file beside the group and answers who is on call now and next', async () => {
    const p = provider();
    // Weekly handoffs on Mondays 09:00 Berlin since Monday 2026-01-05 (alice): 2026-11-23 is
    // 322 days = 46 weeks later, an even shift index, so alice again.
    const answer = await p.getOnCall(group, p.mappingFor(group)!, {
      now: new Date('2026-11-23T12:00:00Z'),
    });
    expect(
      answer.now.map(a => [a.person.userRef ?? a.person.name, a.start]),
    ).toEqual([['user:default/alice', '2026-11-23T09:00:00+01:00']]);
    // Carol's override takes Tuesday 09:00 to Wednesday 09:00.
    expect(answer.next[0]).toMatchObject({
      start: '2026-11-24T09:00:00+01:00',
      end: '2026-11-25T09:00:00+01:00',
    });
    expect(answer.next[0].person.userRef ?? answer.next[0].person.name).toBe(
      'user:default/carol',
    );
    expect(answer.escalationChain.map(step => step.level)).toEqual([1, 2]);
    expect(answer.escalationChain[1]).toMatchObject({ delayMinutes: 15 });
  });

  it('gives the shifts of a period for alert quality', async () => {
    const p = provider();
    const shifts = await p.getShifts(group, p.mappingFor(group)!, {
      from: new Date('2026-11-23T08:00:00Z'),
      to: new Date('2026-11-26T08:00:00Z'),
    });
    expect(shifts.map(s => [s.user, s.start, s.end])).toEqual([
      [
        'user:default/alice',
        '2026-11-23T09:00:00+01:00',
        '2026-11-24T09:00:00+01:00',
      ],
      [
        'user:default/carol',
        '2026-11-24T09:00:00+01:00',
        '2026-11-25T09:00:00+01:00',
      ],
      [
        'user:default/alice',
        '2026-11-25T09:00:00+01:00',
        '2026-11-26T09:00:00+01:00',
      ],
    ]);
  });

  it('answers a period again from what it computed, until the file is read again', async () => {
    const file = path.join(dir, 'kept.yaml');
    await fs.writeFile(file, ROTATION);
    const kept = {
      ...group,
      metadata: {
        ...group.metadata,
        annotations: {
          ...group.metadata.annotations,
          'reliability/rotation': './kept.yaml',
        },
      },
    };
    let now = Date.parse('2026-11-26T08:00:00Z');
    const p = RotationOnCallProvider.create({
      reader: DefaultSloFileReader.create({
        urlReader: mockServices.urlReader.mock(),
      }),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      now: () => now,
    });
    const period = {
      from: new Date('2026-11-23T08:00:00Z'),
      to: new Date('2026-11-26T08:00:00Z'),
    };
    const users = async (asked = period) =>
      (await p.getShifts(kept, p.mappingFor(kept)!, asked)).map(s => s.user);

    const first = await p.getShifts(kept, p.mappingFor(kept)!, period);
    // A caller that changes its answer does not change the next one's.
    first[0].user = 'user:default/mallory';
    expect(await users()).toEqual([
      'user:default/alice',
      'user:default/carol',
      'user:default/alice',
    ]);
    // Another period is its own answer.
    expect(
      await users({
        from: new Date('2026-11-30T08:00:00Z'),
        to: new Date('2026-12-01T08:00:00Z'),
      }),
    ).toEqual(['user:default/bob']);

    // A changed file counts once the read is older than the file cache (5 minutes).
    await fs.writeFile(
      file,
      ROTATION.replace(
        'overrides:\n    - { start: 2026-11-24T09:00, end: 2026-11-25T09:00, user: carol }\n',
        'overrides: []\n',
      ),
    );
    expect(await users()).toContain('user:default/carol');
    now += 5 * 60_000;
    expect(await users()).toEqual(['user:default/alice']);
  });

  it('fails with the file problems when the rotation is invalid', async () => {
    const broken = {
      ...group,
      metadata: {
        ...group.metadata,
        annotations: {
          ...group.metadata.annotations,
          'reliability/rotation': './broken.yaml',
        },
      },
    };
    const p = provider();
    await expect(
      p.getOnCall(broken, p.mappingFor(broken)!, { now: new Date() }),
    ).rejects.toThrow(/The rotation file is invalid: .*broken\.yaml/);
  });
});
