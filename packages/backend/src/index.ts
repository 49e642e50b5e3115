/*
 * The backend that runs the Reliability suite on the example catalog.
 * It is a regular Backstage backend: add or remove plugins here as in any app.
 */
// First: the metrics service takes its meters from the provider installed there.
import './instrumentation';
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in for local use, see https://backstage.io/docs/auth/guest/provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions: allow-all locally; production installs a real policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search over the catalog
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// the Reliability suite
backend.add(import('@reliability/backstage-plugin-backend'));
// DEMO data of the example catalog (src/demo): live budgets, charts and alerts on first start.
// Set RELIABILITY_DEMO_DATA=false (example.demoData in app-config.yaml) to start empty.
backend.add(import('./demo'));

backend.start();
