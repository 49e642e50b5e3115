// @ts-check

/**
 * The monthly report digests sent: one row per owner and month, claimed before the digest is
 * sent, so that two replicas (or a retried task) never send one twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_report_digests', table => {
    table.comment('Monthly report digests: one row per owner and month');
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment(
        'The subscribed owner in lower case, e.g. group:default/payments',
      );
    table.string('month', 7).notNullable().comment('YYYY-MM (UTC)');
    table
      .bigInteger('claimed_at')
      .notNullable()
      .comment('Epoch ms when a replica claimed the digest');
    table
      .bigInteger('sent_at')
      .nullable()
      .comment('Epoch ms when it was sent; null while sending');
    table.primary(['owner_ref', 'month']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_report_digests');
};
