export * from './duration';
export * from './AlertWindows';
