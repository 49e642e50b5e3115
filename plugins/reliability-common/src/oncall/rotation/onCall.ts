import type { IANAZone } from 'luxon';
import type { EscalationStep, OnCallAssignment, OnCallPerson } from '../model';
import {
  compute,
  formatInstant,
  instantMs,
  mergeByPerson,
  PersonStretch,
} from './computation';
import { finalSegments } from './finalSegments';
import { SegmentBudget, SegmentLimitReached } from './layerSegments';
import {
  Rotation,
  ROTATION_MAX_PERIOD_DAYS,
  ROTATION_MAX_SEGMENTS,
  RotationOnCall,
  RotationResult,
  RotationShiftSource,
} from './model';
import { DAY_MS } from './wallClock';

/**
 * How far around an instant the schedule is computed, in days each way, growing until the shift
 * at the instant is seen whole: most shifts are found in the first, cheap step.
 */
const HORIZON_DAYS = [2, 16, 64, ROTATION_MAX_PERIOD_DAYS / 2];
/** How far ahead the next person is looked for, in growing steps. */
const LOOKAHEAD_DAYS = [8, 64, ROTATION_MAX_PERIOD_DAYS];

const TOO_DENSE = 'the rotation is too dense to compute around this instant';

/**
 * Who is on call at an instant in the final schedule, for the whole of their shift (consecutive
 * stretches of the same person merged), with the layer or override that put them on call at that
 * instant. `undefined` when nobody is (a gap).
 *
 * @public
 */
export function findRotationOnCallAt(
  rotation: Rotation,
  at: Date | string | number,
): RotationResult<RotationOnCall | undefined> {
  const instant = instantMs(at, 'the instant (at)');
  if ('error' in instant) {
    return { ok: false, error: instant.error };
  }
  return compute(rotation.timeZone, TOO_DENSE, zone =>
    onCallAt(rotation, zone, instant.ms),
  );
}

/**
 * Who is on call next: the first shift after `after` of someone other than whoever is on call at
 * `after` (when nobody is, the first shift after it). Looks up to
 * {@link ROTATION_MAX_PERIOD_DAYS} days ahead; `undefined` when nobody else comes in that time.
 *
 * @public
 */
export function findRotationNextOnCall(
  rotation: Rotation,
  after: Date | string | number,
): RotationResult<RotationOnCall | undefined> {
  const instant = instantMs(after, 'the instant (after)');
  if ('error' in instant) {
    return { ok: false, error: instant.error };
  }
  return compute(rotation.timeZone, TOO_DENSE, zone =>
    nextOnCall(
      rotation,
      zone,
      instant.ms,
      onCallAt(rotation, zone, instant.ms),
    ),
  );
}

/**
 * The escalation chain at an instant: level 1 is the rotation itself with whoever is on call then,
 * later levels are the file's `spec.escalation` users, each after its delay.
 *
 * @public
 */
export function computeRotationEscalationChain(
  rotation: Rotation,
  at: Date | string | number,
): RotationResult<EscalationStep[]> {
  const now = findRotationOnCallAt(rotation, at);
  if (!now.ok) {
    return now;
  }
  return { ok: true, value: escalationChain(rotation, now.value) };
}

/**
 * The on-call answer of a rotation at an instant, in the shapes of the API's `EntityOnCall`: who
 * is on call, who is next and the escalation chain.
 *
 * @public
 */
export interface RotationOnCallSummary {
  now: OnCallAssignment[];
  next: OnCallAssignment[];
  escalationChain: EscalationStep[];
}

/**
 * Computes {@link RotationOnCallSummary} at an instant (normally now).
 *
 * @public
 */
export function summarizeRotationOnCall(
  rotation: Rotation,
  at: Date | string | number,
): RotationResult<RotationOnCallSummary> {
  const instant = instantMs(at, 'the instant (at)');
  if ('error' in instant) {
    return { ok: false, error: instant.error };
  }
  return compute(rotation.timeZone, TOO_DENSE, zone => {
    const now = onCallAt(rotation, zone, instant.ms);
    const next = nextOnCall(rotation, zone, instant.ms, now);
    return {
      now: now ? [toOnCallAssignment(rotation, now)] : [],
      next: next ? [toOnCallAssignment(rotation, next)] : [],
      escalationChain: escalationChain(rotation, now),
    };
  });
}

/**
 * An on-call answer as the API's assignment: the person (named by their entity name until the
 * catalog says better), the shift, and `Rotation (layer)` as the schedule name.
 *
 * @public
 */
export function toOnCallAssignment(
  rotation: Rotation,
  onCall: RotationOnCall,
): OnCallAssignment {
  return {
    person: personOf(onCall.user),
    ...(onCall.start !== undefined && { start: onCall.start }),
    ...(onCall.end !== undefined && { end: onCall.end }),
    scheduleName: `${rotation.displayName ?? rotation.name} (${describeSource(
      onCall.source,
    )})`,
    escalationLevel: 1,
  };
}

function onCallAt(
  rotation: Rotation,
  zone: IANAZone,
  atMs: number,
): RotationOnCall | undefined {
  let found:
    | { stretch: PersonStretch; startKnown: boolean; endKnown: boolean }
    | undefined;
  for (const days of HORIZON_DAYS) {
    const fromMs = atMs - days * DAY_MS;
    const toMs = atMs + days * DAY_MS;
    const stretches = stretchesIn(
      rotation,
      zone,
      fromMs,
      toMs,
      found === undefined,
    );
    if (stretches === undefined) {
      // Too dense to look further: answer with what the last horizon showed.
      break;
    }
    const stretch = stretches.find(s => s.startMs <= atMs && atMs < s.endMs);
    if (!stretch) {
      // Nobody is on call at the instant, whatever the horizon.
      return undefined;
    }
    found = {
      stretch,
      startKnown: stretch.startMs > fromMs,
      endKnown: stretch.endMs < toMs,
    };
    if (found.startKnown && found.endKnown) {
      break;
    }
  }
  if (!found) {
    return undefined;
  }
  const { stretch, startKnown, endKnown } = found;
  const segment =
    stretch.segments.find(s => s.startMs <= atMs && atMs < s.endMs) ??
    stretch.segments[0];
  return {
    user: stretch.user,
    ...(startKnown && {
      start: formatInstant(stretch.startMs, zone),
      startMs: stretch.startMs,
    }),
    ...(endKnown && {
      end: formatInstant(stretch.endMs, zone),
      endMs: stretch.endMs,
    }),
    source: segment.source,
  };
}

function nextOnCall(
  rotation: Rotation,
  zone: IANAZone,
  atMs: number,
  current: RotationOnCall | undefined,
): RotationOnCall | undefined {
  if (current && current.endMs === undefined) {
    // The current shift outlasts the look-ahead.
    return undefined;
  }
  const searchFrom = current?.endMs ?? atMs;
  for (const days of LOOKAHEAD_DAYS) {
    const stretches = stretchesIn(
      rotation,
      zone,
      searchFrom,
      searchFrom + days * DAY_MS,
      false,
    );
    if (stretches === undefined) {
      return undefined;
    }
    const next = stretches.find(
      stretch => stretch.user !== current?.user && stretch.startMs >= atMs,
    );
    if (next) {
      const whole = onCallAt(rotation, zone, next.startMs);
      return whole && { ...whole, source: next.segments[0].source };
    }
  }
  return undefined;
}

/**
 * The merged stretches of `[fromMs, toMs)`; `undefined` when they are too many to compute, unless
 * `mustAnswer`, when that is an error.
 */
function stretchesIn(
  rotation: Rotation,
  zone: IANAZone,
  fromMs: number,
  toMs: number,
  mustAnswer: boolean,
): PersonStretch[] | undefined {
  try {
    const { segments } = finalSegments(
      rotation,
      zone,
      fromMs,
      toMs,
      new SegmentBudget(ROTATION_MAX_SEGMENTS),
    );
    return mergeByPerson(segments);
  } catch (error) {
    if (error instanceof SegmentLimitReached && !mustAnswer) {
      return undefined;
    }
    throw error;
  }
}

function escalationChain(
  rotation: Rotation,
  now: RotationOnCall | undefined,
): EscalationStep[] {
  return [
    {
      level: 1,
      targets: [
        {
          type: 'rotation',
          name: rotation.displayName ?? rotation.name,
          onCall: now ? [personOf(now.user)] : [],
        },
      ],
    },
    ...rotation.escalation.map((level, index) => ({
      level: index + 2,
      delayMinutes: level.afterMinutes,
      targets: level.users.map(user => ({ type: 'user' as const, name: user })),
    })),
  ];
}

function personOf(userRef: string): OnCallPerson {
  return { name: userRef.slice(userRef.indexOf('/') + 1), userRef };
}

function describeSource(source: RotationShiftSource): string {
  if (source.type === 'layer') {
    return source.layer;
  }
  return source.reason ? `override: ${source.reason}` : 'override';
}
