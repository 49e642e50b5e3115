// @ts-check

/**
 * The release gate: overrides of an entity's gate with their audit trail, the gate's recent
 * decisions, the gate state last seen per entity (to notify when it turns to block and back),
 * and budget adjustments declared through the API with their audit trail. No other table is
 * referenced.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_release_overrides', table => {
    table.comment(
      'Time-boxed exceptions that let an entity release past a budget block',
    );
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable().comment('Lower case');
    table.text('reason').notNullable();
    table.string('approver', 255).notNullable().comment('Who granted it');
    table.bigInteger('expires_at').notNullable();
    table.bigInteger('granted_at').notNullable();
    table.bigInteger('revoked_at').nullable();
    table.string('revoked_by', 255).nullable();
    table.index(['entity_ref'], 'reliability_release_overrides_entity_idx');
  });

  await knex.schema.createTable('reliability_release_override_audit', table => {
    table.comment('Every grant and revocation of a release override');
    table.bigIncrements('id').primary();
    table.string('override_id', 36).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('action', 16).notNullable().comment('grant or revoke');
    table.string('actor', 255).notNullable();
    table.text('details').notNullable().comment('JSON snapshot');
    table.bigInteger('at').notNullable();
    table.index(
      ['override_id'],
      'reliability_release_override_audit_override_idx',
    );
  });

  await knex.schema.createTable('reliability_release_decisions', table => {
    table.comment(
      'Recent answers of the release gate: who or what asked, when, the answer',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('decision', 8).notNullable().comment('allow, warn or block');
    table.string('rule', 32).notNullable();
    table.text('summary').notNullable();
    table.string('release_kind', 100).nullable();
    table.string('requested_by', 255).notNullable();
    table
      .string('via', 32)
      .notNullable()
      .comment('api or flagger:<webhook type>');
    table.bigInteger('decided_at').notNullable();
    table.index(
      ['entity_ref', 'decided_at'],
      'reliability_release_decisions_entity_idx',
    );
  });

  await knex.schema.createTable('reliability_release_gate_state', table => {
    table.comment(
      'The last decision per entity without a release kind, for notifications',
    );
    table.string('entity_ref', 255).primary();
    table.string('decision', 8).notNullable();
    table.text('summary').notNullable();
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('When the decision last changed');
  });

  await knex.schema.createTable('reliability_budget_adjustments', table => {
    table.comment(
      'Windows excluded from an SLO error budget, declared through the API',
    );
    table.string('id', 36).primary();
    table.string('slo_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('name', 200).notNullable();
    table.text('description').nullable();
    table.bigInteger('first_event_start').notNullable();
    table.bigInteger('duration_ms').notNullable();
    table.string('rrule', 200).nullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('withdrawn_at').nullable();
    table.string('withdrawn_by', 255).nullable();
    table.index(['slo_id'], 'reliability_budget_adjustments_slo_idx');
  });

  await knex.schema.createTable(
    'reliability_budget_adjustment_audit',
    table => {
      table.comment('Every declaration and withdrawal of a budget adjustment');
      table.bigIncrements('id').primary();
      table.string('adjustment_id', 36).notNullable();
      table.string('action', 16).notNullable().comment('create or withdraw');
      table.string('actor', 255).notNullable();
      table.text('details').notNullable().comment('JSON snapshot');
      table.bigInteger('at').notNullable();
      table.index(
        ['adjustment_id'],
        'reliability_budget_adjustment_audit_adj_idx',
      );
    },
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_budget_adjustment_audit');
  await knex.schema.dropTable('reliability_budget_adjustments');
  await knex.schema.dropTable('reliability_release_gate_state');
  await knex.schema.dropTable('reliability_release_decisions');
  await knex.schema.dropTable('reliability_release_override_audit');
  await knex.schema.dropTable('reliability_release_overrides');
};
