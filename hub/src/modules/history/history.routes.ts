import { router } from '../../http/openapi.js';
import { historyCsv } from './history-csv.js';
import type { HistoryService } from './history.service.js';
import * as contract from './history.contracts.js';

export function historyRoutes(history: HistoryService) {
  return router()
    .openapi(contract.listHistory, async (c) => c.json(await history.search(c.get('user'), c.req.valid('query')), 200))
    .openapi(contract.exportHistoryCsv, async (c) => {
      const { items, timeZone } = await history.export(c.get('user'), c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="incident-history.csv"');
      return c.body(historyCsv(items, timeZone), 200);
    })
    .openapi(contract.historyDispatchers, async (c) =>
      c.json({ items: await history.dispatchers(c.get('user')) }, 200),
    );
}
