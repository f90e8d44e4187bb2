import { z } from '@hono/zod-openapi';
import { slaTargetsSchema } from '@eldercare/shared';
import { router } from '../../http/openapi.js';
import { slaCsv } from './sla-csv.js';
import type { SlaService } from './sla.service.js';
import * as contract from './sla.contracts.js';

export function slaRoutes(
  sla: SlaService,
  targets: { set(tenantId: string, t: z.infer<typeof slaTargetsSchema>): Promise<void> },
) {
  return router()
    .openapi(contract.slaReport, async (c) => c.json(await sla.report(c.get('user'), c.req.valid('query')), 200))
    .openapi(contract.slaReportCsv, async (c) => {
      const { table, ...q } = c.req.valid('query');
      const report = await sla.report(c.get('user'), q);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="sla-${table}.csv"`);
      return c.body(slaCsv(report, table), 200);
    })
    .openapi(contract.recordSlaReason, async (c) => {
      await sla.recordReason(c.get('user'), c.req.valid('param').id, c.req.valid('json').reason);
      return c.body(null, 204);
    })
    .openapi(contract.setSlaTargets, async (c) => {
      const body = c.req.valid('json');
      await targets.set(c.get('user').tenantId, body);
      return c.json(body, 200);
    });
}
