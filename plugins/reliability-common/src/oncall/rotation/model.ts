/**
 * A catalog-native on-call rotation, read from a rotation file (`kind: Rotation`), and what is
 * computed from it. All instants are epoch milliseconds plus ISO 8601 strings with the offset of
 * the rotation's zone.
 */

/**
 * A validated rotation.
 *
 * @public
 */
export interface Rotation {
  /** The file the rotation was read from, as the caller named it. */
  file: string;
  /** `metadata.name`. */
  name: string;
  /** `metadata.displayName`, when given. */
  displayName?: string;
  /** IANA time zone; handoffs and restrictions are wall-clock times in it. */
  timeZone: string;
  /** Layers in file order: a later layer overrides earlier ones where it has coverage. */
  layers: RotationLayer[];
  /** Overrides in file order: where they overlap, the later one wins. */
  overrides: RotationOverride[];
  /** Escalation levels after the first (the first is the rotation's final schedule). */
  escalation: RotationEscalationLevel[];
}

/**
 * One layer of a rotation: members taking turns, shift after shift, from `start`.
 *
 * @public
 */
export interface RotationLayer {
  name: string;
  /** The first handoff, epoch milliseconds; the layer covers nothing before it. */
  startMs: number;
  /** When the layer stops covering, epoch milliseconds; absent when it goes on. */
  endMs?: number;
  /** Wall-clock length of a shift in minutes (see README "Rotation files" on DST). */
  shiftLengthMinutes: number;
  /** User entity refs, full and lower case (`user:default/jane`), in turn order. */
  members: string[];
  /** When present, the layer covers only these windows (within its shifts). */
  restrictions: RotationRestriction[];
}

/**
 * A weekly coverage window of a layer, in wall-clock time of the rotation's zone.
 *
 * @public
 */
export interface RotationRestriction {
  /** ISO weekdays the window starts on, Monday 1 … Sunday 7. */
  days: number[];
  /** Minutes after midnight the window opens. */
  fromMinutes: number;
  /**
   * Minutes after midnight the window closes (1440 for `24:00`); at or before `fromMinutes` the
   * window ends on the next day.
   */
  toMinutes: number;
}

/**
 * Someone covering for a dated period, whoever the layers say is on call.
 *
 * @public
 */
export interface RotationOverride {
  /** Position in `spec.overrides`, which decides overlaps: the later one wins. */
  index: number;
  startMs: number;
  endMs: number;
  /** User entity ref. */
  user: string;
  reason?: string;
}

/**
 * An escalation level after the rotation itself.
 *
 * @public
 */
export interface RotationEscalationLevel {
  /** Minutes after the previous level was notified. */
  afterMinutes: number;
  /** User entity refs. */
  users: string[];
}

/**
 * What put someone on call: a layer's turn or an override.
 *
 * @public
 */
export type RotationShiftSource =
  | { type: 'layer'; layer: string; layerIndex: number }
  | { type: 'override'; overrideIndex: number; reason?: string };

/**
 * A stretch of the final schedule with one person on call. Consecutive stretches of the same
 * person are merged, even when different layers or overrides produced them.
 *
 * @public
 */
export interface RotationShift {
  /** User entity ref. */
  user: string;
  /** ISO 8601 with the zone's offset. */
  start: string;
  /** ISO 8601 with the zone's offset, exclusive. */
  end: string;
  startMs: number;
  endMs: number;
  /** What produced the shift, in order of time, each once. */
  sources: RotationShiftSource[];
}

/**
 * A stretch of the final schedule where nobody is on call.
 *
 * @public
 */
export interface RotationGap {
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/**
 * The final schedule of a period.
 *
 * @public
 */
export interface RotationSchedule {
  /** Shifts in time order, clipped to the period. */
  shifts: RotationShift[];
  /** Uncovered stretches in time order, clipped to the period. */
  gaps: RotationGap[];
}

/**
 * Who is on call at an instant (or next), for the whole of their shift.
 *
 * @public
 */
export interface RotationOnCall {
  /** User entity ref. */
  user: string;
  /**
   * Start of the person's shift, ISO 8601 with the zone's offset; absent when it lies more than
   * {@link ROTATION_MAX_PERIOD_DAYS} days away (or the rotation is too dense to look that far).
   */
  start?: string;
  /** End of the person's shift, exclusive; absent as `start`. */
  end?: string;
  startMs?: number;
  endMs?: number;
  /** What put the person on call at the instant asked about (or at the start of a next shift). */
  source: RotationShiftSource;
}

/**
 * The answer of a rotation computation, or why it was refused (a period too long, an invalid
 * date). Computations never throw.
 *
 * @public
 */
export type RotationResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string };

/**
 * The longest period computed at once, in days.
 *
 * @public
 */
export const ROTATION_MAX_PERIOD_DAYS = 400;

/**
 * The most schedule segments (one person from one layer or override) computed at once; a dense
 * rotation (15-minute shifts, many layers) reaches it before {@link ROTATION_MAX_PERIOD_DAYS}.
 *
 * @public
 */
export const ROTATION_MAX_SEGMENTS = 20000;
