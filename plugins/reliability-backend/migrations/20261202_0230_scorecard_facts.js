// @ts-check

/**
 * The facts each entity's last scorecard evaluation saw (catalog fields, SLOs, on-call, runbooks,
 * alert quality), so that a draft scorecard can be tried on the whole catalog (the dry run)
 * without asking every service again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_scorecard_facts', table => {
    table.comment('The facts of the last scorecard evaluation of each entity');
    table
      .string('entity_ref', 255)
      .primary()
      .comment('The entity ref in lower case');
    table.text('facts').notNullable().comment('EntityFacts as JSON');
    table
      .bigInteger('collected_at')
      .notNullable()
      .comment('Epoch milliseconds');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_scorecard_facts');
};
