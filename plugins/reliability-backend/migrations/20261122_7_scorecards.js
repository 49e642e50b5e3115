// @ts-check

/**
 * Production-readiness scorecards: the latest result per scorecard and entity, a bounded history
 * (a row when a result changes, plus one snapshot per day), exemptions with their audit trail,
 * campaigns with a progress point per day, and the SLO states last seen per entity (to notify
 * only when a budget becomes exhausted). No other table is referenced.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_scorecard_results', table => {
    table.comment('The latest result of each scorecard for each entity');
    table.string('scorecard_id', 100).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity ref in lower case, e.g. component:default/checkout');
    table.string('kind', 100).notNullable().comment('Lower case');
    table.string('namespace', 100).notNullable();
    table.string('entity_type', 100).nullable().comment('spec.type');
    table.string('lifecycle', 100).nullable().comment('spec.lifecycle');
    table.integer('tier').nullable().comment('reliability/tier, 1 to 4');
    table
      .string('owner_ref', 255)
      .notNullable()
      .defaultTo('')
      .comment("The owner ref, '' when the entity names none");
    table.string('system_ref', 255).nullable();
    table.string('domain_ref', 255).nullable();
    table
      .string('level', 100)
      .nullable()
      .comment('The level reached; null when none');
    table
      .integer('level_index')
      .notNullable()
      .comment('Index of the level in the scorecard, -1 when none');
    table
      .text('result')
      .notNullable()
      .comment('The whole result as JSON: levels and per-check results');
    table
      .string('signature', 64)
      .notNullable()
      .comment('Hash of the level and every check status, to notice changes');
    table
      .string('history_day', 10)
      .notNullable()
      .comment('The UTC day (YYYY-MM-DD) of the last history row written');
    table
      .bigInteger('evaluated_at')
      .notNullable()
      .comment('Epoch milliseconds');
    table.primary(['scorecard_id', 'entity_ref']);
    table.index(['entity_ref'], 'reliability_scorecard_results_entity_idx');
    table.index(
      ['scorecard_id', 'owner_ref'],
      'reliability_scorecard_results_owner_idx',
    );
  });

  await knex.schema.createTable('reliability_scorecard_history', table => {
    table.comment(
      'A row when a result changes, plus one snapshot per scorecard, entity and day',
    );
    table.bigIncrements('id').primary();
    table.string('scorecard_id', 100).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('owner_ref', 255).notNullable().defaultTo('');
    table.string('level', 100).nullable();
    table.integer('level_index').notNullable();
    table
      .text('checks')
      .notNullable()
      .comment('JSON object of check id to counted status');
    table.string('reason', 16).notNullable().comment('change or snapshot');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.bigInteger('recorded_at').notNullable();
    table.index(
      ['scorecard_id', 'day'],
      'reliability_scorecard_history_day_idx',
    );
    table.index(
      ['scorecard_id', 'entity_ref', 'recorded_at'],
      'reliability_scorecard_history_entity_idx',
    );
  });

  await knex.schema.createTable('reliability_scorecard_exemptions', table => {
    table.comment('Exemptions of a check of a scorecard for an entity');
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 100).notNullable();
    table.string('check_id', 100).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.string('granted_by', 255).notNullable();
    table.bigInteger('granted_at').notNullable();
    table.bigInteger('revoked_at').nullable();
    table.string('revoked_by', 255).nullable();
    table
      .bigInteger('expiry_recorded_at')
      .nullable()
      .comment('When an evaluation first saw it expired');
    table.index(
      ['entity_ref', 'scorecard_id'],
      'reliability_scorecard_exemptions_entity_idx',
    );
  });

  await knex.schema.createTable(
    'reliability_scorecard_exemption_audit',
    table => {
      table.comment('Every grant, revocation and expiry of an exemption');
      table.bigIncrements('id').primary();
      table.string('exemption_id', 36).notNullable();
      table.string('action', 16).notNullable().comment('grant, revoke, expire');
      table
        .string('actor', 255)
        .nullable()
        .comment('Who did it; null for expiry');
      table.text('details').notNullable().comment('JSON snapshot');
      table.bigInteger('at').notNullable();
      table.index(
        ['exemption_id'],
        'reliability_scorecard_exemption_audit_exemption_idx',
      );
    },
  );

  await knex.schema.createTable('reliability_scorecard_campaigns', table => {
    table.comment(
      'Pushes to bring entities to a level of a scorecard by a date',
    );
    table.string('id', 100).primary();
    table.string('title', 200).notNullable();
    table.string('scorecard_id', 100).notNullable();
    table.string('target_level', 100).notNullable();
    table
      .text('filter')
      .nullable()
      .comment('JSON: kind, type, lifecycle, tier, namespace, owner');
    table.string('due_date', 64).notNullable().comment('ISO 8601');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable(
    'reliability_scorecard_campaign_progress',
    table => {
      table.comment('One progress point per campaign and evaluation day');
      table.string('campaign_id', 100).notNullable();
      table.string('day', 10).notNullable();
      table.integer('entities').notNullable();
      table.integer('at_or_above').notNullable();
      table.bigInteger('recorded_at').notNullable();
      table.primary(['campaign_id', 'day']);
    },
  );

  await knex.schema.createTable('reliability_scorecard_entity_state', table => {
    table.comment(
      'What the last evaluation saw of an entity, for notifications',
    );
    table.string('entity_ref', 255).primary();
    table
      .text('exhausted_slos')
      .notNullable()
      .comment('JSON list of the ids of SLOs whose budget was exhausted');
    table.bigInteger('updated_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_scorecard_entity_state');
  await knex.schema.dropTable('reliability_scorecard_campaign_progress');
  await knex.schema.dropTable('reliability_scorecard_campaigns');
  await knex.schema.dropTable('reliability_scorecard_exemption_audit');
  await knex.schema.dropTable('reliability_scorecard_exemptions');
  await knex.schema.dropTable('reliability_scorecard_history');
  await knex.schema.dropTable('reliability_scorecard_results');
};
