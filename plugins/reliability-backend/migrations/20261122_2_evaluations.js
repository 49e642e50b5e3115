// @ts-check

/**
 * The latest error budget evaluation of every SLO, and a history of it for charts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_slo_evaluations', table => {
    table.comment(
      'The latest evaluation of each SLO, with the last good values when stale',
    );
    table.string('slo_id', 255).primary().notNullable().comment('The SLO id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity that declares the SLO');
    table
      .bigInteger('evaluated_at')
      .notNullable()
      .comment('Last evaluation attempt, epoch milliseconds');
    table
      .bigInteger('last_success_at')
      .nullable()
      .comment('Last evaluation with SLI data, epoch milliseconds');
    table
      .bigInteger('stale_since')
      .nullable()
      .comment(
        'First failed attempt since the last success, epoch milliseconds',
      );
    table.text('error').nullable().comment('Why the last attempt failed');
    table
      .integer('consecutive_failures')
      .notNullable()
      .defaultTo(0)
      .comment('Failed attempts since the last success');
    table
      .bigInteger('retry_after')
      .nullable()
      .comment('Backoff: no attempt before this time, epoch milliseconds');
    table
      .bigInteger('last_history_at')
      .nullable()
      .comment('Time of the latest history row, epoch milliseconds');
    table
      .string('policy_state', 32)
      .notNullable()
      .comment('healthy, warning, exhausted or unknown; filters the listing');
    table
      .text('result')
      .nullable()
      .comment('JSON: the values of the last successful evaluation');
    table.index(['policy_state'], 'reliability_slo_evaluations_state_idx');
  });

  await knex.schema.createTable('reliability_slo_history', table => {
    table.comment('Evaluation results over time, for charts');
    table.string('slo_id', 255).notNullable().comment('The SLO id');
    table
      .bigInteger('time')
      .notNullable()
      .comment('Evaluation time, epoch milliseconds');
    table.double('sli').nullable().comment('SLI over the SLO period');
    table
      .double('budget_remaining')
      .nullable()
      .comment('Share of the error budget left');
    table
      .text('burn_rates')
      .notNullable()
      .comment('JSON: burn rate per window, e.g. {"5m": 0.4, "1h": null}');
    table.primary(['slo_id', 'time']);
    table.index(['time'], 'reliability_slo_history_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_slo_history');
  await knex.schema.dropTable('reliability_slo_evaluations');
};
