import { router } from '../../http/openapi.js';
import * as contracts from './subsidies.contracts.js';
import type { SubsidiesService } from './subsidies.service.js';

export function subsidiesRoutes(subsidies: SubsidiesService) {
  return router()
    .openapi(contracts.listCategories, async (c) =>
      c.json({ items: await subsidies.list(c.get('user'), c.req.valid('query').all === 'true') }, 200),
    )
    .openapi(contracts.createCategory, async (c) =>
      c.json(await subsidies.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contracts.updateCategory, async (c) =>
      c.json(await subsidies.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contracts.categoryRecipients, async (c) =>
      c.json(await subsidies.recipients(c.get('user'), c.req.valid('param').id, c.req.valid('query').month), 200),
    )
    .openapi(contracts.subsidyTotals, async (c) =>
      c.json(await subsidies.totals(c.get('user'), c.req.valid('query').month), 200),
    )
    .openapi(contracts.residentEntitlements, async (c) =>
      c.json(await subsidies.entitlements(c.get('user'), c.req.valid('param').id), 200),
    );
}
