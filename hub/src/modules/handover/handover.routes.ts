import { router } from '../../http/openapi.js';
import type { HandoverService } from './handover.service.js';
import * as contract from './handover.contracts.js';

export function handoverRoutes(handover: HandoverService) {
  return router()
    .openapi(contract.onDuty, async (c) => c.json(await handover.onDuty(c.get('user')), 200))
    .openapi(contract.handoverDraft, async (c) => c.json(await handover.draft(c.get('user')), 200))
    .openapi(contract.listHandovers, async (c) => {
      const q = c.req.valid('query');
      return c.json(await handover.list(c.get('user'), q.limit, q.offset), 200);
    })
    .openapi(contract.createHandover, async (c) =>
      c.json(await handover.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contract.getHandover, async (c) => c.json(await handover.get(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contract.acknowledgeHandover, async (c) =>
      c.json(await handover.acknowledge(c.get('user'), c.req.valid('param').id, c.req.valid('json').note), 200),
    );
}
