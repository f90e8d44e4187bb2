import { router } from '../../http/openapi.js';
import * as contracts from './runs.contracts.js';
import type { RunsService } from './runs.service.js';

export function runsRoutes(runs: RunsService) {
  return router()
    .openapi(contracts.listRuns, async (c) =>
      c.json({ items: await runs.runs(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contracts.getRun, async (c) => c.json(await runs.run(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contracts.assignRun, async (c) =>
      c.json(await runs.assign(c.get('user'), c.req.valid('param').id, c.req.valid('json').runnerUserId), 200),
    )
    .openapi(contracts.startRun, async (c) => c.json(await runs.start(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contracts.completeRun, async (c) =>
      c.json(await runs.complete(c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(contracts.recordOutcome, async (c) =>
      c.json(await runs.outcome(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contracts.confirmPickup, async (c) => c.json(await runs.pickup(c.get('user'), c.req.valid('json')), 200));
}
