// @ts-check

/**
 * The release gate's state changes per entity, so that the monthly report can say how long a
 * gate was blocked: `reliability_release_gate_state` keeps only the last change. The current
 * states are copied in as the first known change of each entity. No other table is referenced.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'reliability_release_gate_transitions',
    table => {
      table.comment(
        'Each change of an entity release gate state (without a release kind)',
      );
      table.bigIncrements('id').primary();
      table.string('entity_ref', 255).notNullable().comment('Lower case');
      table.string('decision', 8).notNullable().comment('allow, warn or block');
      table.bigInteger('at').notNullable();
      table.index(
        ['entity_ref', 'at'],
        'reliability_release_gate_transitions_entity_idx',
      );
    },
  );
  const states = await knex('reliability_release_gate_state').select(
    'entity_ref',
    'decision',
    'updated_at',
  );
  for (let i = 0; i < states.length; i += 500) {
    await knex('reliability_release_gate_transitions').insert(
      states.slice(i, i + 500).map(state => ({
        entity_ref: state.entity_ref,
        decision: state.decision,
        at: state.updated_at,
      })),
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_release_gate_transitions');
};
