// @ts-check

/**
 * Exemptions become a workflow: an owner requests one, a platform approver grants or refuses it
 * with a comment, and the owner is reminded once before a granted one expires. Rows written
 * before this migration were granted directly and keep that status. A request has no grant yet,
 * so `granted_by` and `granted_at` may now be null.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_scorecard_exemptions', table => {
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('granted')
      .comment(
        'pending, granted or refused; revocation and expiry are derived',
      );
    table
      .string('requested_by', 255)
      .nullable()
      .comment('Who asked for it; null when granted directly');
    table.bigInteger('requested_at').nullable();
    table
      .string('refused_by', 255)
      .nullable()
      .comment('The approver who refused the request');
    table.bigInteger('refused_at').nullable();
    table
      .text('decision_comment')
      .nullable()
      .comment("The approver's comment on granting or refusing");
    table
      .bigInteger('reminded_at')
      .nullable()
      .comment('When the owner was reminded of the coming expiry; set once');
    table.string('granted_by', 255).nullable().alter();
    table.bigInteger('granted_at').nullable().alter();
    table.index(['status'], 'reliability_scorecard_exemptions_status_idx');
  });
};

/**
 * Requests that were never granted have no place in the old table and are dropped.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('reliability_scorecard_exemptions')
    .whereNot('status', 'granted')
    .delete();
  await knex.schema.alterTable('reliability_scorecard_exemptions', table => {
    table.dropIndex(['status'], 'reliability_scorecard_exemptions_status_idx');
    table.dropColumn('status');
    table.dropColumn('requested_by');
    table.dropColumn('requested_at');
    table.dropColumn('refused_by');
    table.dropColumn('refused_at');
    table.dropColumn('decision_comment');
    table.dropColumn('reminded_at');
  });
  await knex.schema.alterTable('reliability_scorecard_exemptions', table => {
    table.string('granted_by', 255).notNullable().alter();
    table.bigInteger('granted_at').notNullable().alter();
  });
};
