export { DefinitionProblemsPanel } from './DefinitionProblemsPanel';
export { DryRunSection } from './DryRunSection';
