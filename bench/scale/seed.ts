/*
 * The catalog and the stored data of bench/scale: deterministic, so that every run collects the
 * same facts and stores the same results.
 *
 * Catalog (served from memory): `size` Components, the 400 Groups that own them (each with a
 * rotation file of 1 to 5 members, except every tenth group, which has none), the people of the
 * rotations and a few User owners, and the 1,000 Systems the components belong to.
 *
 * Stored data (written through the plugin's stores, as production writes it):
 * - SLOs: `index % 4` push SLOs per component, saved with `SloDefinitionStore.saveEntity` as the
 *   catalog loader saves a read of an entity's files; 30 minutes of SLI buckets per SLO written
 *   with `SliBucketStore.upsertBuckets` as the push API writes them; then one cycle of the real
 *   evaluator (push SLI source), which stores a snapshot per SLO: one SLO in five misses its
 *   objective and has its budget exhausted.
 * - Runbooks: links of type `runbook` and the `reliability/runbook` annotation; their checks
 *   (reachable with a last-modified time, or unreachable) saved with
 *   `RunbookCheckStore.replaceEntityChecks` for the runbooks `collectRunbooks` finds, as
 *   `RunbookService.checkEntity` saves them (the checker itself would reach the network).
 * - Alerts: a few per component over the last 30 days, some paging (`severity: critical`), one
 *   component in 25 paging 5 times a day, delivered to the real Alertmanager receiver as webhook
 *   payloads (entity resolved from the `backstage_entity` label through the catalog).
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { ServiceLevelObjective } from '../../plugins/reliability-common/src';
import { AlertmanagerReceiver } from '../../plugins/reliability-backend/src/alerts/AlertmanagerReceiver';
import { RunbookCheckStore } from '../../plugins/reliability-backend/src/runbooks/RunbookCheckStore';
import { collectRunbooks } from '../../plugins/reliability-backend/src/runbooks/collectRunbooks';
import { SloDefinitionStore } from '../../plugins/reliability-backend/src/database/SloDefinitionStore';
import {
  MINUTE_MS,
  SliBucket,
  SliBucketStore,
} from '../../plugins/reliability-backend/src/database/SliBucketStore';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 24 * 3_600_000;
const HOUR_MS = 3_600_000;
export const TEAMS = 400;
export const SYSTEMS = 1000;
/** Minutes of SLI buckets per SLO. */
const BUCKET_MINUTES = 30;

const componentRef = (index: number) => `component:default/service-${index}`;
const teamOf = (index: number) => index % TEAMS;
/** Every tenth team has no rotation: on-call of its components does not resolve. */
const teamHasRotation = (team: number) => team % 10 !== 9;
/** Rotation members of a team: 1 to 5. */
const teamMembers = (team: number) => 1 + (team % 5);
/** Every twentieth component is owned by a person, not a team. */
const ownedByUser = (index: number) => index % 20 === 0;
/** One component in 25 pages about 5 times a day. */
const noisy = (index: number) => index % 25 === 7;

/** Where the bench writes its catalog files (rotation files beside the groups' catalog-info). */
export interface CatalogDir {
  dir: string;
}

/** The Component `index`: a mix of complete and incomplete metadata. */
export function component(index: number, { dir }: CatalogDir): Entity {
  const name = `service-${index}`;
  const runbookLink =
    index % 3 >= 1
      ? [
          {
            url: `https://runbooks.example.com/${name}`,
            title: 'Runbook',
            type: 'runbook',
          },
        ]
      : [];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: index % 10 ? `The ${name}.` : '',
      annotations: {
        'backstage.io/managed-by-location': `file:${join(
          dir,
          'services',
          name,
          'catalog-info.yaml',
        )}`,
        'reliability/tier': String(1 + (index % 4)),
        ...(index % 3 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
        ...(index % 4 ? { 'reliability/slos': './slos.yaml' } : {}),
        ...(index % 3 === 2
          ? {
              'reliability/runbook': `https://wiki.example.com/runbooks/${name}.md`,
            }
          : {}),
      },
      labels:
        index % 7 ? { 'example.com/cost-center': `cc-${index % 97}` } : {},
      tags: index % 2 ? ['java'] : ['go'],
      links: runbookLink,
    },
    spec: {
      type: ['service', 'website', 'library'][index % 3],
      lifecycle: 'production',
      owner: ownedByUser(index)
        ? `user:default/owner-${index % TEAMS}`
        : `group:default/team-${teamOf(index)}`,
      system: `system-${index % SYSTEMS}`,
    },
  };
}

function rotationFile(team: number): string {
  const members = Array.from(
    { length: teamMembers(team) },
    (_, m) => `team-${team}-${m}`,
  );
  return [
    'apiVersion: reliability.dev/v1',
    'kind: Rotation',
    'metadata:',
    `  name: team-${team}-oncall`,
    'spec:',
    '  timeZone: Europe/Berlin',
    '  layers:',
    '    - name: daily',
    '      start: 2025-01-06T09:00',
    '      shiftLength: 1d',
    `      members: [${members.join(', ')}]`,
    ...(team % 3 === 0
      ? ['  escalation:', `    - { after: 15m, users: [team-${team}-lead] }`]
      : []),
    '',
  ].join('\n');
}

/**
 * The Groups, Users and Systems of the catalog; writes the groups' rotation files into `dir`.
 */
export function organisation({ dir }: CatalogDir): Entity[] {
  mkdirSync(join(dir, 'org', 'rotations'), { recursive: true });
  const entities: Entity[] = [];
  for (let team = 0; team < TEAMS; team++) {
    const rotation = teamHasRotation(team);
    if (rotation) {
      writeFileSync(
        join(dir, 'org', 'rotations', `team-${team}.yaml`),
        rotationFile(team),
      );
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: `team-${team}`,
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'org',
            'catalog-info.yaml',
          )}`,
          ...(rotation
            ? { 'reliability/rotation': `./rotations/team-${team}.yaml` }
            : {}),
        },
      },
      spec: { type: 'team', children: [] },
    });
    const people = [
      ...Array.from(
        { length: teamMembers(team) },
        (_, m) => `team-${team}-${m}`,
      ),
      ...(team % 3 === 0 ? [`team-${team}-lead`] : []),
      `owner-${team}`,
    ];
    for (const person of people) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: person, namespace: 'default' },
        spec: {
          profile: {
            displayName: person.replace(/-/g, ' '),
            email: `${person}@example.com`,
          },
          memberOf: [`group:default/team-${team}`],
        },
      });
    }
  }
  for (let system = 0; system < SYSTEMS; system++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${system}`, namespace: 'default' },
      spec: {
        owner: `group:default/team-${system % TEAMS}`,
        domain: `domain-${system % 10}`,
      },
    });
  }
  return entities;
}

function pushSlo(index: number, k: number, sourceFile: string) {
  const id = `service-${index}-slo-${k}`;
  const slo: ServiceLevelObjective = {
    id,
    name: `slo-${k}`,
    service: `service-${index}`,
    displayName: `SLO ${k} of service-${index}`,
    // Half the components name an error budget policy on their SLOs.
    labels:
      index % 2 === 0
        ? { 'error-budget-policy': 'https://wiki.example.com/budget-policy' }
        : {},
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', durationMs: 30 * DAY_MS },
    objective: { target: 0.99, targetPercent: 99 },
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type: 'Push', spec: { events: 'good' } },
      total: { type: 'Push', spec: { events: 'total' } },
    },
    source: {
      format: 'openslo/v1',
      location: { file: sourceFile, line: 1 + k * 20, column: 1, path: '' },
    },
  };
  return slo;
}

/**
 * Bad events per thousand of SLO `k` of component `index`: one SLO in five misses 99% (budget
 * exhausted), one in five uses most of its budget, the rest little.
 */
function badPerMille(index: number, k: number): number {
  return [50, 8, 1, 2, 1][(index + k) % 5];
}

export interface SeededRows {
  sloEntities: number;
  slos: number;
  buckets: number;
  runbookChecks: number;
  alertDeliveries: number;
  alerts: number;
}

/** Saves the SLO definitions and pushes their SLI buckets; the evaluator runs afterwards. */
export async function seedSlos(options: {
  components: Entity[];
  definitions: SloDefinitionStore;
  buckets: SliBucketStore;
  nowMs: number;
  rows: SeededRows;
}) {
  const { components, definitions, buckets, nowMs, rows } = options;
  const minute = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  let pending: SliBucket[] = [];
  for (const [index, entity] of components.entries()) {
    const count = index % 4;
    if (count === 0) continue;
    const entityRef = stringifyEntityRef(entity);
    const file = entity.metadata.annotations![
      'backstage.io/managed-by-location'
    ].replace(/catalog-info\.yaml$/, 'slos.yaml');
    const slos = Array.from({ length: count }, (_, k) =>
      pushSlo(index, k, file),
    );
    // As `DefaultEntitySloLoader` saves a successful read of the entity's one file.
    await definitions.saveEntity({
      entityRef,
      owner: String(entity.spec!.owner),
      tier: entity.metadata.annotations!['reliability/tier'],
      locations: ['./slos.yaml'],
      files: [{ file, etag: `bench-${index}` }],
      slos: slos.map(slo => ({ slo, sourceFile: file })),
      keepSourceFiles: [],
      errors: [],
      attemptedAt: nowMs,
    });
    rows.sloEntities += 1;
    rows.slos += count;
    for (const [k, slo] of slos.entries()) {
      for (let m = BUCKET_MINUTES; m >= 1; m--) {
        const total = 1000;
        pending.push({
          sloId: slo.id,
          bucketStart: minute - m * MINUTE_MS,
          good: total - badPerMille(index, k),
          total,
        });
      }
    }
    if (pending.length >= 600) {
      await buckets.upsertBuckets(pending);
      rows.buckets += pending.length;
      pending = [];
    }
  }
  if (pending.length) {
    await buckets.upsertBuckets(pending);
    rows.buckets += pending.length;
  }
}

/**
 * Stores a check of every runbook `collectRunbooks` finds for each component, as
 * `RunbookService.checkEntity` stores the checker's results: one component in 11 has its first
 * runbook unreachable; the others were last modified 0 to 199 days ago.
 */
export async function seedRunbookChecks(options: {
  components: Entity[];
  store: RunbookCheckStore;
  integrations: ScmIntegrations;
  loadSlos: (entityRef: string) => Promise<ServiceLevelObjective[]>;
  nowMs: number;
  rows: SeededRows;
}) {
  const { components, store, integrations, nowMs, rows } = options;
  for (const [index, entity] of components.entries()) {
    const entityRef = stringifyEntityRef(entity);
    const { runbooks } = collectRunbooks(
      entity,
      await options.loadSlos(entityRef),
      integrations,
    );
    if (runbooks.length === 0) continue;
    const checkedAt = nowMs - HOUR_MS;
    await store.replaceEntityChecks(
      entityRef,
      runbooks.map(({ runbook, location }, j) =>
        index % 11 === 0 && j === 0
          ? {
              runbookId: runbook.id,
              location,
              outcome: 'unreachable' as const,
              statusCode: 404,
              redirectCount: 0,
              error: 'HTTP 404 Not Found',
              checkedAt,
            }
          : {
              runbookId: runbook.id,
              location,
              outcome: 'reachable' as const,
              statusCode: 200,
              redirectCount: 0,
              lastModifiedAt: nowMs - ((index * 13 + j * 29) % 200) * DAY_MS,
              checkedAt,
            },
      ),
    );
    rows.runbookChecks += runbooks.length;
  }
}

/** Alerts of component `index` over the last 30 days, as Alertmanager sends them. */
function alertsOf(index: number, nowMs: number) {
  const count = noisy(index) ? 150 : index % 5;
  return Array.from({ length: count }, (_, j) => {
    const startsAt =
      nowMs - (((index * 7 + j * 53) % 700) + 2) * HOUR_MS - j * MINUTE_MS;
    const paging = noisy(index) || j % 2 === 0;
    return {
      status: 'resolved' as const,
      labels: {
        alertname: `Service${index}Alert${j % 3}`,
        backstage_entity: componentRef(index),
        severity: paging ? 'critical' : 'warning',
      },
      annotations: { summary: `service-${index} alert ${j % 3}` },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 10 * MINUTE_MS).toISOString(),
      fingerprint: `${index.toString(16)}f${(j % 3).toString(16)}`,
    };
  });
}

/** Delivers every component's alerts to the receiver, 50 components per webhook payload. */
export async function seedAlerts(options: {
  size: number;
  receiver: AlertmanagerReceiver;
  nowMs: number;
  rows: SeededRows;
}) {
  const { size, receiver, nowMs, rows } = options;
  for (let first = 0; first < size; first += 50) {
    const alerts = [];
    for (let index = first; index < Math.min(size, first + 50); index++) {
      alerts.push(...alertsOf(index, nowMs));
    }
    if (alerts.length === 0) continue;
    const result = await receiver.receive({
      version: '4',
      status: 'resolved',
      receiver: 'backstage',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      alerts,
    });
    if (result.unmapped.length) {
      throw new Error(
        `the receiver could not map ${result.unmapped.length} alerts, e.g. ${result.unmapped[0].reason}`,
      );
    }
    rows.alertDeliveries += 1;
    rows.alerts += result.stored;
  }
}
