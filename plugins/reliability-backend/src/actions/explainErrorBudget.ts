import { SloView } from '@reliability/backstage-plugin-common';

const MINUTE_MS = 60_000;

function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`;
}

/** "3 h 12 min", "45 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/**
 * An SLO's error budget in plain words, from the numbers its latest evaluation holds (the API's
 * numbers; nothing is computed anew but their conversion to time). One sentence per fact.
 */
export function explainErrorBudget(slo: SloView, nowMs: number): string[] {
  const name = slo.displayName ?? slo.name;
  const target = slo.objective.targetPercent;
  const status = slo.status;
  if (!status?.budget) {
    return [
      `${name} aims for ${target} % good events, but it has not been evaluated yet${
        status?.error ? `: ${status.error}` : ''
      }.`,
    ];
  }
  const { budget } = status;
  const periodMs =
    Date.parse(budget.periodEnd) - Date.parse(budget.periodStart);
  const lines = [
    `${name} promises that ${target} % of events are good over ${formatDuration(
      periodMs,
    )} (${budget.periodStart} to ${
      budget.periodEnd
    }). Its error budget is the other ${percent(
      budget.errorBudget,
      3,
    )}: about ${formatDuration(
      budget.errorBudget * periodMs,
    )} of full outage in that period.`,
  ];
  if (status.sli !== null) {
    lines.push(`So far ${percent(status.sli, 3)} of events were good.`);
  } else if (status.sliStatus === 'no-traffic') {
    lines.push('There was no traffic in the period, so nothing was spent.');
  }
  if (budget.remaining !== null && budget.consumed !== null) {
    lines.push(
      budget.remaining < 0
        ? `The budget is overspent: ${percent(
            budget.consumed,
          )} of it is used, ${percent(
            -budget.remaining,
          )} more than allowed (about ${formatDuration(
            -budget.remaining * budget.errorBudget * periodMs,
          )} of outage too many).`
        : `${percent(budget.consumed)} of the budget is used and ${percent(
            budget.remaining,
          )} is left: about ${formatDuration(
            budget.remaining * budget.errorBudget * periodMs,
          )} of full outage before the objective is missed.`,
    );
  }
  const rates = status.burnRates.filter(rate => rate.burnRate !== null);
  if (rates.length > 0) {
    lines.push(
      `Burn rates (1 spends the budget exactly over the period): ${rates
        .map(rate => `${rate.burnRate!.toFixed(2)} over ${rate.window}`)
        .join(', ')}.`,
    );
  }
  const forecast = status.forecast;
  if (forecast?.status === 'burning' && forecast.exhaustionAt) {
    lines.push(
      `At the current rate the budget runs out at ${
        forecast.exhaustionAt
      } (in ${formatDuration(Date.parse(forecast.exhaustionAt) - nowMs)}).`,
    );
  } else if (forecast?.status === 'exhausted') {
    lines.push('The budget is already exhausted.');
  } else if (forecast?.status === 'not-burning') {
    lines.push('At the current rate the budget lasts the period.');
  }
  if (status.alerts?.page === 'firing') {
    lines.push('A page alert fires: it burns fast enough to wake someone.');
  } else if (status.alerts?.ticket === 'firing') {
    lines.push('A ticket alert fires: it burns too fast to last the period.');
  }
  lines.push(
    `Budget policy: ${status.policy.state} (${status.policy.reason}).`,
  );
  if (status.stale) {
    lines.push(
      `These are the last good values, from ${status.valuesAt}: ${
        status.error ?? 'the latest evaluations failed'
      }.`,
    );
  }
  return lines;
}
