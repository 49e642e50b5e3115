// @ts-check

/**
 * Alerts from every alert source (Alertmanager webhook, PagerDuty, Opsgenie), one row per alert
 * occurrence, merged idempotently; the progress of scheduled pulls; and the last on-call answer
 * of each entity, so the API can serve last-good data when a provider is down.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_alerts', table => {
    table.comment('One alert occurrence, merged from every delivery of it');
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('Hash of source and external id: stable across replicas');
    table
      .string('source', 64)
      .notNullable()
      .comment('alertmanager, pagerduty…');
    table
      .string('external_id', 512)
      .notNullable()
      .comment('Identity of the occurrence in the source');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity it belongs to');
    table.string('alert_name', 255).nullable();
    table.string('fingerprint', 255).nullable();
    table.text('summary').nullable();
    table.string('urgency', 8).notNullable().comment('high or low');
    table
      .string('status', 16)
      .notNullable()
      .comment('triggered, acknowledged or resolved');
    table
      .bigInteger('triggered_at')
      .notNullable()
      .comment('Epoch milliseconds');
    table
      .bigInteger('acknowledged_at')
      .nullable()
      .comment('Epoch milliseconds');
    table.string('acknowledged_by', 255).nullable();
    table.bigInteger('resolved_at').nullable().comment('Epoch milliseconds');
    table.string('resolved_by', 255).nullable();
    table.string('responder', 255).nullable();
    table.text('url').nullable();
    table.text('runbook_url').nullable();
    table
      .boolean('actionable')
      .nullable()
      .comment("The responder's verdict: null until triaged");
    table.string('triaged_by', 255).nullable();
    table.bigInteger('triaged_at').nullable();
    table
      .integer('deliveries')
      .notNullable()
      .defaultTo(1)
      .comment('How many reports were merged into this row');
    table.bigInteger('updated_at').notNullable().comment('Epoch milliseconds');
    table.unique(['source', 'external_id'], {
      indexName: 'reliability_alerts_source_external_id_uq',
    });
    table.index(
      ['entity_ref', 'triggered_at'],
      'reliability_alerts_entity_time_idx',
    );
  });

  await knex.schema.createTable('reliability_alert_pulls', table => {
    table.comment('How far each scheduled alert pull got');
    table.string('source', 64).primary().notNullable();
    table
      .bigInteger('pulled_until')
      .notNullable()
      .comment('End of the last successful pull, epoch milliseconds');
    table.text('error').nullable().comment('Why the last pull failed');
    table.bigInteger('attempted_at').notNullable();
  });

  await knex.schema.createTable('reliability_oncall_answers', table => {
    table.comment('The last good on-call answer of each entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.text('answer').notNullable().comment('JSON: EntityOnCall');
    table.bigInteger('fetched_at').notNullable().comment('Epoch milliseconds');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_oncall_answers');
  await knex.schema.dropTable('reliability_alert_pulls');
  await knex.schema.dropTable('reliability_alerts');
};
