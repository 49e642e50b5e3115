import { z } from 'zod';
import { strictObject } from '../../spec/validation/strictObject';

/**
 * The `apiVersion` of rotation files.
 *
 * @public
 */
export const ROTATION_API_VERSION = 'reliability.dev/v1';

/**
 * The `kind` of rotation files.
 *
 * @public
 */
export const ROTATION_KIND = 'Rotation';

// Caps that keep a rotation readable and its computation bounded.
const MAX_LAYERS = 20;
const MAX_MEMBERS = 200;
const MAX_RESTRICTIONS = 50;
const MAX_OVERRIDES = 1000;
const MAX_ESCALATION_LEVELS = 10;

const atMost = (count: number, what: string, fix: string) => ({
  error: `at most ${count} ${what} are allowed; ${fix}`,
});

const restrictionSchema = strictObject({
  days: z.array(z.string()).optional(),
  from: z.string(),
  to: z.string(),
});

const layerSchema = strictObject({
  name: z.string(),
  start: z.string(),
  end: z.string().optional(),
  shiftLength: z.string(),
  members: z
    .array(z.string())
    .max(
      MAX_MEMBERS,
      atMost(MAX_MEMBERS, 'members', 'split the rotation into teams'),
    ),
  restrictions: z
    .array(restrictionSchema)
    .max(
      MAX_RESTRICTIONS,
      atMost(MAX_RESTRICTIONS, 'restrictions', 'merge adjacent windows'),
    )
    .optional(),
});

const overrideSchema = strictObject({
  start: z.string(),
  end: z.string(),
  user: z.string(),
  reason: z.string().optional(),
});

const escalationSchema = strictObject({
  after: z.string(),
  users: z.array(z.string()),
});

/**
 * The structure of a rotation file; values are checked further in `parseRotationFile`.
 *
 * @internal
 */
export const rotationFileSchema = strictObject({
  apiVersion: z.literal(ROTATION_API_VERSION),
  kind: z.literal(ROTATION_KIND),
  metadata: strictObject({
    name: z.string(),
    displayName: z.string().optional(),
    description: z.string().optional(),
  }),
  spec: strictObject({
    timeZone: z.string(),
    layers: z
      .array(layerSchema)
      .max(
        MAX_LAYERS,
        atMost(MAX_LAYERS, 'layers', 'use restrictions instead of layers'),
      ),
    overrides: z
      .array(overrideSchema)
      .max(
        MAX_OVERRIDES,
        atMost(MAX_OVERRIDES, 'overrides', 'remove the ones that are over'),
      )
      .optional(),
    escalation: z
      .array(escalationSchema)
      .max(
        MAX_ESCALATION_LEVELS,
        atMost(MAX_ESCALATION_LEVELS, 'escalation levels', 'merge levels'),
      )
      .optional(),
  }),
});

/**
 * A rotation file whose structure is right.
 *
 * @internal
 */
export type RotationFileInput = z.infer<typeof rotationFileSchema>;
