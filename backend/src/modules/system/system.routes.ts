import { Router } from 'express';
import { defineRoute } from '../../lib/http/define-route';
import { sendProblem } from '../../middleware/error-handler';
import { systemInfoSchema } from './system.schemas';
import * as system from './system.service';
import type { ReadinessDeps, SystemDeps } from './system.service';

/** Probes for orchestrators; public, and never touch more than they must. */
export function healthRoutes(deps: ReadinessDeps): Router {
  const router = Router();
  // Liveness: the process answers. Deliberately no database, so a DB outage never restarts us.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const result = await system.readiness(deps);
    res.setHeader('Cache-Control', 'no-store');
    if (result.status === 'ready') {
      res.json(result);
      return;
    }
    const failing = Object.entries(result.checks)
      .filter(([, c]) => c.status !== 'ok')
      .map(([name, c]) => `${name}${c.error ? ` (${c.error})` : ''}`);
    sendProblem(
      res,
      503,
      'NOT_READY',
      `Not ready: ${failing.join(', ')}.`,
      { checks: result.checks },
      'Service not ready',
    );
  });
  return router;
}

export const systemRoutes = (deps: SystemDeps) => [
  defineRoute({
    method: 'get',
    path: '/system/info',
    operationId: 'getSystemInfo',
    tag: 'System',
    access: 'viewer',
    summary: 'Version, commit, schema version, uptime and the process’s memory',
    response: systemInfoSchema,
    handler: () => system.info(deps),
  }),
];
