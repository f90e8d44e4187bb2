import { router } from '../../http/openapi.js';
import type { ActionPlansService } from './action-plans.service.js';
import * as contract from './action-plans.contracts.js';

export function actionPlansRoutes(plans: ActionPlansService) {
  return router()
    .openapi(contract.getDispatchSettings, async (c) => c.json(await plans.settings(c.get('user')), 200))
    .openapi(contract.setActionPlan, async (c) =>
      c.json(await plans.setPlan(c.get('user'), c.req.valid('param').kind, c.req.valid('json')), 200),
    )
    .openapi(contract.resetActionPlan, async (c) =>
      c.json(await plans.resetPlan(c.get('user'), c.req.valid('param').kind), 200),
    )
    .openapi(contract.setMapUrlTemplate, async (c) =>
      c.json(await plans.setMapUrlTemplate(c.get('user'), c.req.valid('json').mapUrlTemplate), 200),
    );
}
