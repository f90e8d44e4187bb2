import { router } from '../../http/openapi.js';
import * as contracts from './visits.contracts.js';
import type { VisitsService } from './visits.service.js';

export function visitsRoutes(visits: VisitsService) {
  return router()
    .openapi(contracts.visitSettings, async (c) => c.json(await visits.settings(c.get('user').tenantId), 200))
    .openapi(contracts.updateVisitSettings, async (c) =>
      c.json(await visits.updateSettings(c.get('user'), c.req.valid('json')), 200),
    )
    .openapi(contracts.listVisitPlans, async (c) =>
      c.json({ items: await visits.plans(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contracts.updateVisitPlan, async (c) =>
      c.json(await visits.updatePlan(c.get('user'), c.req.valid('param').residentId, c.req.valid('json')), 200),
    )
    .openapi(contracts.listContacts, async (c) =>
      c.json({ items: await visits.contacts(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contracts.logVisit, async (c) => c.json(await visits.logVisit(c.get('user'), c.req.valid('json')), 201))
    .openapi(contracts.visitReport, async (c) =>
      c.json(await visits.report(c.get('user'), c.req.valid('query').month), 200),
    );
}
