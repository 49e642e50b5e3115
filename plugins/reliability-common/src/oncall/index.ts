export * from './model';
export * from './rotation';
