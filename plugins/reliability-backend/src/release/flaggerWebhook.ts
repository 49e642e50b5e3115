import { InputError } from '@backstage/errors';

/**
 * The webhook types of Flagger the gate answers: those whose 2xx answer lets the rollout go on.
 * `rollback` (2xx rolls back), `post-rollout` and `event` (notifications) are not gates.
 *
 * @internal
 */
export const FLAGGER_GATE_TYPES = [
  'confirm-rollout',
  'pre-rollout',
  'rollout',
  'confirm-traffic-increase',
  'confirm-promotion',
] as const;

/**
 * A Flagger webhook type the gate answers.
 *
 * @internal
 */
export type FlaggerGateType = (typeof FLAGGER_GATE_TYPES)[number];

/**
 * A Flagger webhook call, as Flagger documents its payload: the canary's `name` and
 * `namespace`, its `phase`, the webhook `type` (sent by Flagger since 1.x; absent from older
 * ones, which we read as `confirm-rollout`) and the webhook's `metadata` (string values).
 *
 * @internal
 */
export interface FlaggerWebhookCall {
  name: string;
  namespace: string;
  phase: string;
  type: FlaggerGateType;
  checksum?: string;
  metadata: Record<string, string>;
}

/**
 * Reads Flagger's payload; a 400 names the field that is wrong.
 *
 * @internal
 */
export function parseFlaggerWebhook(body: unknown): FlaggerWebhookCall {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError(
      "Flagger's webhook payload must be a JSON object with name, namespace, phase and metadata",
    );
  }
  const value = body as Record<string, unknown>;
  const text = (field: string) => {
    const v = value[field];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new InputError(
        `Flagger's webhook payload needs '${field}' as non-empty text`,
      );
    }
    return v.trim();
  };
  const type = value.type === undefined ? 'confirm-rollout' : value.type;
  if (!(FLAGGER_GATE_TYPES as readonly unknown[]).includes(type)) {
    throw new InputError(
      `The release gate answers Flagger webhooks of type ${FLAGGER_GATE_TYPES.join(
        ', ',
      )}; got ${JSON.stringify(
        type,
      )} (a rollback, post-rollout or event webhook is not a gate)`,
    );
  }
  const metadata = value.metadata ?? {};
  if (
    metadata === null ||
    typeof metadata !== 'object' ||
    Array.isArray(metadata) ||
    Object.values(metadata).some(v => typeof v !== 'string')
  ) {
    throw new InputError(
      "Flagger's webhook 'metadata' must be an object of text values",
    );
  }
  return {
    name: text('name'),
    namespace: text('namespace'),
    phase: text('phase'),
    type: type as FlaggerGateType,
    checksum: typeof value.checksum === 'string' ? value.checksum : undefined,
    metadata: metadata as Record<string, string>,
  };
}
