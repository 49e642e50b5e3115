// @ts-check

/**
 * Campaigns are edited and closed from the review page, and the owners of lagging entities are
 * reminded weekly: who changed or closed a campaign and when, and the week of the last reminder
 * (so that a week's reminder goes out once, whichever replica runs the task).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_scorecard_campaigns', table => {
    table.bigInteger('updated_at').nullable();
    table.string('updated_by', 255).nullable();
    table
      .bigInteger('closed_at')
      .nullable()
      .comment('When it was closed; closed campaigns record no progress');
    table.string('closed_by', 255).nullable();
    table
      .string('reminded_week', 10)
      .nullable()
      .comment(
        'The Monday (YYYY-MM-DD, UTC) of the week its last reminder went out',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_scorecard_campaigns', table => {
    table.dropColumn('updated_at');
    table.dropColumn('updated_by');
    table.dropColumn('closed_at');
    table.dropColumn('closed_by');
    table.dropColumn('reminded_week');
  });
};
