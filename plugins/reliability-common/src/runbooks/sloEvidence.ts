import type { ServiceLevelObjective } from '../spec/model';

/**
 * The SLOs an SLO evidence item of a runbook names: by id, by name, or for OpenSLO files by the
 * SLO's `metadata.name`, which stands for all its objectives (the model names each objective
 * `<metadata.name>-<index>`, as Sloth does). Empty when it names none of them.
 *
 * @public
 */
export function findRunbookEvidenceSlos(
  slos: readonly ServiceLevelObjective[],
  reference: string,
): ServiceLevelObjective[] {
  const exact = slos.filter(
    slo => slo.id === reference || slo.name === reference,
  );
  if (exact.length > 0) {
    return exact;
  }
  return slos.filter(
    slo =>
      slo.source.format.startsWith('openslo/') &&
      slo.name.startsWith(`${reference}-`) &&
      /^\d+$/.test(slo.name.slice(reference.length + 1)),
  );
}

/**
 * The names a person writes for the SLOs: `metadata.name` for OpenSLO files, else the name.
 *
 * @internal
 */
export function writtenSloNames(
  slos: readonly ServiceLevelObjective[],
): string[] {
  return [
    ...new Set(
      slos.map(slo =>
        slo.source.format.startsWith('openslo/')
          ? slo.name.replace(/-\d+$/, '')
          : slo.name,
      ),
    ),
  ];
}
