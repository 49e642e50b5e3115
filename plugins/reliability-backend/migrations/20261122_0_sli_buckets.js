// @ts-check

/**
 * SLI data pushed by services, one row per SLO and minute bucket. The primary key makes a
 * re-sent bucket replace the old one instead of counting twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_sli_buckets', table => {
    table.comment('SLI good/total counts per SLO and time bucket');
    table
      .string('slo_id', 255)
      .notNullable()
      .comment('The SLO id, <service>-<name>');
    table
      .bigInteger('bucket_start')
      .notNullable()
      .comment('Start of the bucket, epoch milliseconds');
    table.double('good').notNullable().comment('Good events in the bucket');
    table.double('total').notNullable().comment('All events in the bucket');
    table.primary(['slo_id', 'bucket_start']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_sli_buckets');
};
