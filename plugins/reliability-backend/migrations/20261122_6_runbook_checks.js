// @ts-check

/**
 * The latest reachability check of each runbook of each catalog entity. Runbooks are not stored
 * themselves: they are collected from the entity and its SLOs whenever they are needed, and a
 * runbook's id is a hash of its resolved location, so that a check stays with its runbook across
 * reads. No other table is referenced, so the order among the 20261122 migrations does not matter.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_runbook_checks', table => {
    table.comment('The latest reachability check of each runbook of an entity');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity ref, e.g. component:default/checkout');
    table
      .string('runbook_id', 64)
      .notNullable()
      .comment('Hash of the resolved runbook location');
    table
      .text('location')
      .notNullable()
      .comment('The resolved location that was checked: a URL or file:<path>');
    table
      .string('outcome', 16)
      .notNullable()
      .comment(
        'reachable, unreachable, or refused when the host allow-list or address policy forbids the request',
      );
    table
      .integer('status_code')
      .nullable()
      .comment('HTTP status of the final response, if there was one');
    table
      .integer('redirect_count')
      .notNullable()
      .defaultTo(0)
      .comment('Redirects followed to the final response');
    table
      .text('error')
      .nullable()
      .comment('Why the runbook was unreachable or refused');
    table
      .bigInteger('last_modified_at')
      .nullable()
      .comment(
        'When the runbook last changed, as its server or SCM said; epoch milliseconds',
      );
    table
      .bigInteger('checked_at')
      .notNullable()
      .comment('When the check ran, epoch milliseconds');
    table
      .bigInteger('last_reachable_at')
      .nullable()
      .comment('The last check that found it reachable, epoch milliseconds');
    table.primary(['entity_ref', 'runbook_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_runbook_checks');
};
