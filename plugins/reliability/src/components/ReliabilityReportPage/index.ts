export { ReliabilityReportPage } from './ReliabilityReportPage';
