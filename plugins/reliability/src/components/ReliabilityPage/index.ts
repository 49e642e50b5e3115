export { ReliabilityPage } from './ReliabilityPage';
