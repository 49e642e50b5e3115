export { ReliabilityRoutes } from './ReliabilityRoutes';
