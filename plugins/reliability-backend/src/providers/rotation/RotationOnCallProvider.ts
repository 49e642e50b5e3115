import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  computeRotationOnCallShifts,
  formatSpecProblem,
  OnCallShift,
  parseRotationFile,
  RELIABILITY_ROTATION_ANNOTATION,
  Rotation,
  summarizeRotationOnCall,
} from '@reliability/backstage-plugin-common';
import {
  OnCallMapping,
  OnCallProvider,
  OnCallProviderAnswer,
} from '@reliability/backstage-plugin-node';
import { resolveSloLocation } from '../../catalog/resolveSloLocations';
import { SloFileReader } from '../../catalog/SloFileReader';

/** Rotation files change by commits; re-reading them every few minutes is plenty. */
const FILE_CACHE_MS = 5 * 60_000;
/** Periods whose shifts are kept per rotation file read: the few a scorecard cycle asks. */
const MAX_KEPT_PERIODS = 8;

/**
 * On-call from rotation files in the team's repository: a Group annotated
 * `reliability/rotation: <path or URL>` needs no PagerDuty or Opsgenie account. The file is read
 * through the UrlReader (any SCM integration) relative to the group's catalog-info.yaml, and
 * who is on call is computed from it with the common library, DST-aware in the rotation's zone.
 *
 * @internal
 */
export class RotationOnCallProvider implements OnCallProvider {
  readonly type = 'rotation';
  readonly annotations = [RELIABILITY_ROTATION_ANNOTATION];

  static create(options: {
    reader: SloFileReader;
    integrations: ScmIntegrationRegistry;
    now?: () => number;
  }): RotationOnCallProvider {
    return new RotationOnCallProvider(options);
  }

  private readonly files = new Map<
    string,
    {
      at: number;
      rotation: Promise<Rotation>;
      /**
       * Shifts computed from this read, by period. Every entity a team owns asks the same
       * period in a scorecard cycle, for on-call and again for alert quality: computed once, a
       * 30-day schedule per team instead of two per entity (the schedule, DST-aware, was a fifth
       * of the cycle's CPU in bench:scale). Pure, so a kept answer is the answer.
       */
      shifts: Map<string, Promise<OnCallShift[]>>;
    }
  >();

  private constructor(
    private readonly options: {
      reader: SloFileReader;
      integrations: ScmIntegrationRegistry;
      now?: () => number;
    },
  ) {}

  mappingFor(entity: Entity): OnCallMapping | undefined {
    const value =
      entity.metadata.annotations?.[RELIABILITY_ROTATION_ANNOTATION]?.trim();
    return value
      ? { annotation: RELIABILITY_ROTATION_ANNOTATION, value }
      : undefined;
  }

  async getOnCall(
    entity: Entity,
    mapping: OnCallMapping,
    options: { now: Date },
  ): Promise<OnCallProviderAnswer> {
    const rotation = await this.rotationOf(entity, mapping);
    const summary = summarizeRotationOnCall(rotation, options.now);
    if (!summary.ok) {
      throw new InputError(summary.error);
    }
    return { ...summary.value, contactLinks: [] };
  }

  async getShifts(
    entity: Entity,
    mapping: OnCallMapping,
    options: { from: Date; to: Date },
  ): Promise<OnCallShift[]> {
    const read = this.readOf(entity, mapping);
    const period = `${options.from.getTime()}|${options.to.getTime()}`;
    let shifts = read.shifts.get(period);
    if (!shifts) {
      shifts = read.rotation.then(rotation => {
        const computed = computeRotationOnCallShifts(rotation, options);
        if (!computed.ok) {
          throw new InputError(computed.error);
        }
        return computed.value;
      });
      if (read.shifts.size >= MAX_KEPT_PERIODS) {
        read.shifts.clear();
      }
      read.shifts.set(period, shifts);
    }
    // Copies, so that no caller can change what the next one gets.
    return (await shifts).map(shift => ({ ...shift }));
  }

  private rotationOf(
    entity: Entity,
    mapping: OnCallMapping,
  ): Promise<Rotation> {
    return this.readOf(entity, mapping).rotation;
  }

  private readOf(entity: Entity, mapping: OnCallMapping) {
    const key = `${stringifyEntityRef(entity)}\u0000${mapping.value}`;
    const now = (this.options.now ?? Date.now)();
    const hit = this.files.get(key);
    if (hit && now - hit.at < FILE_CACHE_MS) {
      return hit;
    }
    const read = {
      at: now,
      rotation: this.readRotation(entity, mapping.value),
      shifts: new Map<string, Promise<OnCallShift[]>>(),
    };
    this.files.set(key, read);
    read.rotation.catch(() => {
      if (this.files.get(key) === read) this.files.delete(key);
    });
    return read;
  }

  private async readRotation(
    entity: Entity,
    location: string,
  ): Promise<Rotation> {
    const resolved = resolveSloLocation(
      entity,
      location,
      this.options.integrations,
    );
    const content = await this.options.reader.read(resolved.target);
    if (content === 'unchanged') {
      throw new Error(`Rotation file ${resolved.file} could not be read`);
    }
    const { rotation, problems } = parseRotationFile(content.content, {
      file: resolved.file,
    });
    const errors = problems.filter(p => p.severity === 'error');
    if (!rotation || errors.length > 0) {
      throw new InputError(
        `The rotation file is invalid: ${errors
          .slice(0, 3)
          .map(formatSpecProblem)
          .join('; ')}`,
      );
    }
    return rotation;
  }
}
