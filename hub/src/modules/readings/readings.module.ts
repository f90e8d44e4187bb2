/** Vitals and device status over time: what ingest writes, and what the dashboard reads. */
import type { HubContext } from '../module.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { IngestModule } from '../../ingest/ingest.module.js';
import { ReadingsRepo, type ReadingRow, type StatusRow } from './readings.repo.js';

export type { ReadingRow, StatusRow };
import { ReadingsService } from './readings.service.js';
import { readingsRoutes } from './readings.routes.js';

export function createReadingsModule(ctx: HubContext, d: { residents: ResidentsService }) {
  const repo = new ReadingsRepo(ctx.database.db);
  const service = new ReadingsService(repo, d.residents, ctx.clock, () => ctx.database.timescale);
  return {
    service,
    /** The vitals, and the dead letters ingest set aside (ingest is built after this module: it writes here). */
    routes: (ingest: Pick<IngestModule, 'deadLetters'>) => [readingsRoutes(service, ingest.deadLetters)],
    /** Batches of readings and statuses from ingest. */
    writeReadings: (rows: ReadingRow[]) => repo.insertReadings(rows),
    writeStatuses: (rows: StatusRow[]) => repo.insertStatuses(rows),
  };
}
export type ReadingsModule = ReturnType<typeof createReadingsModule>;
