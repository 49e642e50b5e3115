// @ts-check

/**
 * Walks through decision-tree runbooks, the content each runbook had when first seen (its "last
 * changed"), and flags responders put on a step. Runbooks themselves are not stored: they are
 * read from the entity's repository whenever they are needed. No other table is referenced.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_runbook_walks', table => {
    table.comment('Walks responders recorded through a decision-tree runbook');
    table.string('id', 36).primary().comment('A UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity ref, e.g. component:default/checkout');
    table
      .string('alert', 255)
      .nullable()
      .comment('The alert the walk started from; null for a walk from the top');
    table
      .text('path')
      .notNullable()
      .comment('The steps as JSON: [{ node, answer? }]');
    table
      .string('outcome', 16)
      .notNullable()
      .comment('resolved, escalate or abandoned');
    table
      .string('walked_by', 255)
      .notNullable()
      .comment('A user entity ref, or service:<subject>');
    table.bigInteger('walked_at').notNullable().comment('Epoch milliseconds');
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('sha256 of the runbook file walked');
    table.index(
      ['entity_ref', 'walked_at'],
      'reliability_runbook_walks_entity',
    );
  });

  await knex.schema.createTable('reliability_runbook_revisions', table => {
    table.comment(
      'The current content of each decision-tree runbook and when it was first seen',
    );
    table.string('entity_ref', 255).primary().comment('The entity ref');
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('sha256 of the runbook file');
    table
      .bigInteger('changed_at')
      .notNullable()
      .comment('When this content was first seen, epoch milliseconds');
  });

  await knex.schema.createTable('reliability_runbook_flags', table => {
    table.comment(
      'Steps of a runbook that a responder flagged as wrong or outdated',
    );
    table.string('id', 36).primary().comment('A UUID');
    table.string('entity_ref', 255).notNullable().comment('The entity ref');
    table.string('node_id', 255).notNullable().comment('The flagged node');
    table.text('comment').notNullable().comment('What is wrong');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable().comment('Epoch milliseconds');
    table.string('status', 16).notNullable().comment('open or resolved');
    table.string('resolved_by', 255).nullable();
    table.bigInteger('resolved_at').nullable().comment('Epoch milliseconds');
    table.text('resolution').nullable().comment('What the owner did about it');
    table.index(['entity_ref', 'status'], 'reliability_runbook_flags_entity');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_runbook_flags');
  await knex.schema.dropTable('reliability_runbook_revisions');
  await knex.schema.dropTable('reliability_runbook_walks');
};
