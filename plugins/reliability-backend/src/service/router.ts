import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/**
 * What the router needs from the plugin.
 *
 * @internal
 */
export interface RouterOptions {
  httpAuth: HttpAuthService;
}

/**
 * The plugin's HTTP API under `/api/reliability`. Every route but `/health` requires a user or
 * service credential; the capabilities arrive route by route.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ plugin: 'reliability', status: 'ok' });
  });

  return router;
}
