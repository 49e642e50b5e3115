import type {
  ServiceLevelObjective,
  SloObjective,
  SloSpecFormat,
  SloTimeWindow,
  SliDefinition,
  SpecLocation,
} from '../model';

/**
 * Builds the model of one objective of an OpenSLO SLO (v1 or v1alpha). Ids and names follow
 * Sloth's conversion: `<slo name>-<objective index>`, so adding an objective never renames another.
 */
export function objectiveToSlo(options: {
  sloName: string;
  displayName?: string;
  service: string;
  description?: string;
  labels: Record<string, string>;
  index: number;
  budgetingMethod: ServiceLevelObjective['budgetingMethod'];
  timeWindow?: SloTimeWindow;
  objective: SloObjective;
  sli: SliDefinition;
  format: SloSpecFormat;
  location: SpecLocation;
}): ServiceLevelObjective {
  const name = `${options.sloName}-${options.index}`;
  return {
    id: `${options.service}-${name}`,
    name,
    service: options.service,
    ...(options.displayName !== undefined
      ? { displayName: options.displayName }
      : {}),
    ...(options.description !== undefined
      ? { description: options.description }
      : {}),
    labels: options.labels,
    budgetingMethod: options.budgetingMethod,
    ...(options.timeWindow ? { timeWindow: options.timeWindow } : {}),
    objective: options.objective,
    sli: options.sli,
    source: { format: options.format, location: options.location },
  };
}
