import { router } from '../../http/openapi.js';
import { auditCsv } from './audit-csv.js';
import type { AuditService } from './audit.service.js';
import * as contract from './audit.contracts.js';

export function auditRoutes(audit: AuditService) {
  return router()
    .openapi(contract.listAudit, async (c) => c.json(await audit.search(c.get('user'), c.req.valid('query')), 200))
    .openapi(contract.exportAuditCsv, async (c) => {
      const entries = await audit.export(c.get('user'), c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="register-audit.csv"');
      return c.body(auditCsv(entries), 200);
    });
}
