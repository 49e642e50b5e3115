import type { IANAZone } from 'luxon';
import type { Rotation, RotationShiftSource } from './model';
import { LayerSegment, layerSegments, SegmentBudget } from './layerSegments';

/**
 * One person on call from one source (a layer or an override), `[startMs, endMs)`.
 *
 * @internal
 */
export interface ScheduleSegment {
  startMs: number;
  endMs: number;
  user: string;
  source: RotationShiftSource;
}

/**
 * The final schedule of `[fromMs, toMs)` before merging by person.
 *
 * @internal
 */
export interface FinalSegments {
  segments: ScheduleSegment[];
  gaps: Array<[number, number]>;
}

/**
 * Stacks the layers (a later layer wins wherever it covers) and lays the overrides on top (a
 * later override wins where they overlap; an override applies even where no layer covers).
 * Adjacent pieces with the same person and source are joined.
 *
 * @internal
 */
export function finalSegments(
  rotation: Rotation,
  zone: IANAZone,
  fromMs: number,
  toMs: number,
  budget: SegmentBudget,
): FinalSegments {
  const layers = rotation.layers.map(layer =>
    layerSegments(zone, layer, fromMs, toMs, budget),
  );
  const overrides = rotation.overrides
    .filter(override => override.startMs < toMs && override.endMs > fromMs)
    .map(override => ({
      ...override,
      startMs: Math.max(override.startMs, fromMs),
      endMs: Math.min(override.endMs, toMs),
    }));

  const boundaries = new Set<number>([fromMs, toMs]);
  for (const segments of layers) {
    for (const segment of segments) {
      boundaries.add(segment.startMs);
      boundaries.add(segment.endMs);
    }
  }
  for (const override of overrides) {
    boundaries.add(override.startMs);
    boundaries.add(override.endMs);
  }
  const points = [...boundaries].sort((a, b) => a - b);

  const cursors = layers.map(() => 0);
  const segments: ScheduleSegment[] = [];
  const gaps: Array<[number, number]> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const startMs = points[i];
    const endMs = points[i + 1];
    const winner =
      overrideAt(overrides, startMs) ??
      layerAt(rotation, layers, cursors, startMs);
    if (!winner) {
      const last = gaps[gaps.length - 1];
      if (last && last[1] === startMs) {
        last[1] = endMs;
      } else {
        gaps.push([startMs, endMs]);
      }
      continue;
    }
    const last = segments[segments.length - 1];
    if (
      last &&
      last.endMs === startMs &&
      last.user === winner.user &&
      sameSource(last.source, winner.source)
    ) {
      last.endMs = endMs;
    } else {
      segments.push({ startMs, endMs, ...winner });
    }
  }
  return { segments, gaps };
}

type Winner = { user: string; source: RotationShiftSource };

function overrideAt(
  overrides: ReadonlyArray<{
    index: number;
    startMs: number;
    endMs: number;
    user: string;
    reason?: string;
  }>,
  instantMs: number,
): Winner | undefined {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const override = overrides[i];
    if (override.startMs <= instantMs && instantMs < override.endMs) {
      return {
        user: override.user,
        source: {
          type: 'override',
          overrideIndex: override.index,
          ...(override.reason !== undefined && { reason: override.reason }),
        },
      };
    }
  }
  return undefined;
}

/** The topmost layer covering the instant; `cursors` only move forward as instants grow. */
function layerAt(
  rotation: Rotation,
  layers: ReadonlyArray<readonly LayerSegment[]>,
  cursors: number[],
  instantMs: number,
): Winner | undefined {
  let winner: Winner | undefined;
  layers.forEach((segments, layerIndex) => {
    while (
      cursors[layerIndex] < segments.length &&
      segments[cursors[layerIndex]].endMs <= instantMs
    ) {
      cursors[layerIndex]++;
    }
    const segment = segments[cursors[layerIndex]];
    if (segment && segment.startMs <= instantMs) {
      winner = {
        user: segment.user,
        source: {
          type: 'layer',
          layer: rotation.layers[layerIndex].name,
          layerIndex,
        },
      };
    }
  });
  return winner;
}

/**
 * Whether two sources are the same layer or the same override.
 *
 * @internal
 */
export function sameSource(
  a: RotationShiftSource,
  b: RotationShiftSource,
): boolean {
  if (a.type === 'layer' && b.type === 'layer') {
    return a.layerIndex === b.layerIndex;
  }
  if (a.type === 'override' && b.type === 'override') {
    return a.overrideIndex === b.overrideIndex;
  }
  return false;
}
