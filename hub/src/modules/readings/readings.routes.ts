import { router } from '../../http/openapi.js';
import type { IngestModule } from '../../ingest/ingest.module.js';
import type { ReadingsService } from './readings.service.js';
import * as contract from './readings.contracts.js';

export function readingsRoutes(
  readings: ReadingsService,
  ingest: Pick<IngestModule['deadLetters'], 'listDeadLetters'>,
) {
  return router()
    .openapi(contract.residentVitals, async (c) =>
      c.json(await readings.vitals(c.get('user'), c.req.valid('param').id, c.req.valid('query').range), 200),
    )
    .openapi(contract.listDeadLetters, async (c) => {
      const q = c.req.valid('query');
      const items = await ingest.listDeadLetters(c.get('user').tenantId, q);
      return c.json({ items, nextBefore: items.length === q.limit ? items.at(-1)!.id : null }, 200);
    });
}
