// @ts-check

/**
 * SLO definitions read from the files that catalog entities point at, and per entity the state of
 * the last read: its errors and when it last was attempted and succeeded.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_slo_entities', table => {
    table.comment(
      'Catalog entities with SLO files and the state of their last read',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('The entity ref, e.g. component:default/checkout');
    table
      .string('owner', 255)
      .nullable()
      .comment('spec.owner of the entity as a full entity ref');
    table
      .string('tier', 255)
      .nullable()
      .comment('The reliability/tier annotation of the entity');
    table
      .text('locations')
      .notNullable()
      .comment('JSON: the SLO file locations as written in reliability/slos');
    table
      .text('files')
      .notNullable()
      .comment(
        'JSON: per resolved file its ETag of the last read, to skip unchanged files',
      );
    table
      .text('errors')
      .notNullable()
      .comment('JSON: reading and validation problems of the last attempt');
    table
      .bigInteger('last_attempt_at')
      .notNullable()
      .comment('Last read attempt, epoch milliseconds');
    table
      .bigInteger('last_success_at')
      .nullable()
      .comment('Last read without errors, epoch milliseconds');
    table.index(['owner'], 'reliability_slo_entities_owner_idx');
    table.index(['tier'], 'reliability_slo_entities_tier_idx');
  });

  await knex.schema.createTable('reliability_slo_definitions', table => {
    table.comment(
      'Parsed SLOs, one row per SLO; ids are unique across entities',
    );
    table
      .string('slo_id', 255)
      .primary()
      .notNullable()
      .comment('The SLO id, <service>-<name>, unique across all entities');
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('reliability_slo_entities')
      .onDelete('CASCADE')
      .comment('The entity whose SLO files declare the SLO');
    table
      .text('source_file')
      .notNullable()
      .comment('The resolved location of the file that declares the SLO');
    table
      .text('definition')
      .notNullable()
      .comment('JSON: the normalized ServiceLevelObjective');
    table.index(['entity_ref'], 'reliability_slo_definitions_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_slo_definitions');
  await knex.schema.dropTable('reliability_slo_entities');
};
