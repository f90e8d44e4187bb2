import { router } from '../../http/openapi.js';
import * as contracts from './waiting-list.contracts.js';
import type { WaitingListService } from './waiting-list.service.js';

export function waitingListRoutes(list: WaitingListService) {
  return router()
    .openapi(contracts.listApplications, async (c) => c.json(await list.list(c.get('user'), c.req.valid('query')), 200))
    .openapi(contracts.createApplication, async (c) =>
      c.json(await list.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contracts.updateApplication, async (c) =>
      c.json(await list.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contracts.admitApplicant, async (c) =>
      c.json(await list.admit(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contracts.withdrawApplication, async (c) =>
      c.json(await list.withdraw(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
