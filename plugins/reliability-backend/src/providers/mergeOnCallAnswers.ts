/**
 * One on-call answer for a component backed by several services of one tool (PagerDuty services,
 * GoAlert services): whoever is on call for any of them is on call for the component.
 */
import {
  EscalationStep,
  OnCallAssignment,
  OnCallShift,
} from '@reliability/backstage-plugin-common';
import { OnCallProviderAnswer } from '@reliability/backstage-plugin-node';

function personKey(assignment: OnCallAssignment): string {
  const { person } = assignment;
  return `${person.externalId ?? person.userRef ?? person.name}\u0000${
    assignment.scheduleName ?? ''
  }`;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.set(k, item);
    }
  }
  return [...seen.values()];
}

/**
 * The answers of several services as one:
 *
 * - `now` and `next`: everybody, once per person and schedule (services sharing an escalation
 *   policy name the same people), `next` soonest first;
 * - `escalationChain`: level by level, the targets any service notifies at that level, once
 *   each; the delay of a level is the shortest of the services' (the soonest anybody is paged);
 * - `contactLinks`: every link once.
 *
 * @internal
 */
export function mergeOnCallAnswers(
  answers: OnCallProviderAnswer[],
): OnCallProviderAnswer {
  if (answers.length === 1) {
    return answers[0];
  }
  const levels = new Map<number, EscalationStep>();
  for (const step of answers.flatMap(a => a.escalationChain)) {
    const present = levels.get(step.level);
    if (!present) {
      levels.set(step.level, { ...step, targets: [...step.targets] });
      continue;
    }
    present.targets = unique(
      [...present.targets, ...step.targets],
      target => `${target.type}\u0000${target.name}`,
    );
    if (step.delayMinutes !== undefined) {
      present.delayMinutes =
        present.delayMinutes === undefined
          ? step.delayMinutes
          : Math.min(present.delayMinutes, step.delayMinutes);
    }
  }
  const startOf = (a: OnCallAssignment) =>
    a.start ? Date.parse(a.start) : Number.POSITIVE_INFINITY;
  return {
    now: unique(
      answers.flatMap(a => a.now),
      personKey,
    ),
    next: unique(
      answers.flatMap(a => a.next),
      personKey,
    ).sort((a, b) => startOf(a) - startOf(b)),
    escalationChain: [...levels.values()].sort((a, b) => a.level - b.level),
    contactLinks: unique(
      answers.flatMap(a => a.contactLinks),
      link => link.url,
    ),
  };
}

/**
 * The shifts of several services as one list: a person on call for two services at once is one
 * shift, not two (pages per shift would halve otherwise).
 *
 * @internal
 */
export function mergeShifts(shifts: OnCallShift[][]): OnCallShift[] {
  return unique(
    shifts.flat(),
    shift => `${shift.user}\u0000${shift.start}\u0000${shift.end}`,
  ).sort(
    (a, b) =>
      Date.parse(a.start) - Date.parse(b.start) || a.user.localeCompare(b.user),
  );
}

/**
 * The ids in an annotation value that may list several: `P1`, `P1,P2` or `P1, P2`; each once,
 * in order.
 *
 * @internal
 */
export function annotationIds(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map(id => id.trim())
        .filter(Boolean),
    ),
  ];
}
