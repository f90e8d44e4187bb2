import { router } from '../../http/openapi.js';
import type { AlertViews } from './alert-views.service.js';
import type { DispatchActions } from './dispatch-actions.service.js';
import type { IncidentsService } from './incidents.service.js';
import * as contract from './alerts.contracts.js';

/** What the routes call: the reads and the dispatcher's actions (bound methods of both services). */
export type AlertsApi = Pick<AlertViews, 'list' | 'get'> &
  Pick<DispatchActions, 'claim' | 'act' | 'tickStep' | 'phoneIn'>;

export function alertsRoutes(alerts: AlertsApi, incidents: IncidentsService) {
  return router()
    .openapi(contract.listAlerts, async (c) =>
      c.json({ items: await alerts.list(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contract.getAlert, async (c) => c.json(await alerts.get(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contract.phoneIn, async (c) => {
      const r = await alerts.phoneIn(c.get('user'), c.req.valid('json'));
      return r.created ? c.json(r.alert, 201) : c.json(r.alert, 200);
    })
    .openapi(contract.tickChecklistStep, async (c) =>
      c.json(await alerts.tickStep(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contract.claimAlert, async (c) => c.json(await alerts.claim(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contract.actOnAlert, async (c) =>
      c.json(await alerts.act(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contract.outcomesReport, async (c) => {
      const q = c.req.valid('query');
      return c.json(await incidents.outcomes(c.get('user'), q.from, q.to), 200);
    })
    .openapi(contract.incidentsPerDayReport, async (c) =>
      c.json(await incidents.perDay(c.get('user'), c.req.valid('query').days), 200),
    );
}
