import { router } from '../../http/openapi.js';
import * as contracts from './regions.contracts.js';
import type { RegionsService } from './regions.service.js';

export function regionsRoutes(regions: RegionsService) {
  return router()
    .openapi(contracts.listRegions, async (c) => {
      const q = c.req.valid('query');
      return c.json(
        { items: await regions.list(c.get('user'), { level: q.level, includeRetired: q.all === 'true' }) },
        200,
      );
    })
    .openapi(contracts.createRegion, async (c) => c.json(await regions.create(c.get('user'), c.req.valid('json')), 201))
    .openapi(contracts.unlinkedCommunities, async (c) => c.json({ items: await regions.unlinked(c.get('user')) }, 200))
    .openapi(contracts.getRegion, async (c) => c.json(await regions.get(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contracts.updateRegion, async (c) =>
      c.json(await regions.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contracts.adoptCommunities, async (c) =>
      c.json(await regions.adopt(c.get('user'), c.req.valid('param').id, c.req.valid('json').names), 200),
    );
}
