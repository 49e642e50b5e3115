export * from './config';
export * from './flaggerWebhook';
export * from './ReleaseGateNotifier';
export * from './ReleaseGateService';
export * from './ReleasePolicyResolver';
