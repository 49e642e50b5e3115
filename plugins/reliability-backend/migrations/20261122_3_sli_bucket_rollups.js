// @ts-check

/**
 * Hour buckets that minute buckets are rolled up into once they are older than the minute
 * retention (`reliability.push.minuteRetention`), and the latest result of each SLO's synthetic
 * HTTP probe. Neither table depends on another, so the order among the 20261122 migrations does
 * not matter.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_sli_hour_buckets', table => {
    table.comment(
      'SLI good/total counts per SLO and hour, summed from rolled-up minute buckets',
    );
    table
      .string('slo_id', 255)
      .notNullable()
      .comment('The SLO id, <service>-<name>');
    table
      .bigInteger('bucket_start')
      .notNullable()
      .comment('Start of the hour, epoch milliseconds');
    table.double('good').notNullable().comment('Good events in the hour');
    table.double('total').notNullable().comment('All events in the hour');
    table.primary(['slo_id', 'bucket_start']);
  });

  await knex.schema.createTable('reliability_http_probe_status', table => {
    table.comment('The latest run of each SLO’s synthetic HTTP probe');
    table
      .string('slo_id', 255)
      .primary()
      .notNullable()
      .comment('The SLO id, <service>-<name>');
    table
      .bigInteger('checked_at')
      .notNullable()
      .comment('When the probe last ran, epoch milliseconds');
    table
      .string('outcome', 16)
      .notNullable()
      .comment(
        'good, bad, or error when the probe could not run (refused, invalid spec)',
      );
    table
      .integer('status_code')
      .nullable()
      .comment('HTTP status of the final response, if there was one');
    table
      .double('latency_ms')
      .nullable()
      .comment('Time to the end of the final response, milliseconds');
    table
      .text('message')
      .nullable()
      .comment('Why the probe was bad or could not run');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_http_probe_status');
  await knex.schema.dropTable('reliability_sli_hour_buckets');
};
