export { reliabilityDemoDataModule as default } from './demoDataModule';
