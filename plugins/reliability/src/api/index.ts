export * from './types';
export * from './ReliabilityApi';
export * from './ReliabilityClient';
