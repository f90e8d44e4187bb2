/**
 * Builds the civil-affairs oversight parts — institution figures, inspections, the indicator
 * dashboard, subsidies, the left-behind elders register and the admission waiting list — and their
 * routes, from the services they read. hub.ts calls this once and mounts `routes`.
 */
import type { User } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import type { SlaService } from '../alerts/sla.service.js';
import type { AssessmentsRepo } from '../assessments/assessments.repo.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import { BoardRepo } from '../institutions/board.repo.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { ShiftsService } from '../institutions/shifts.service.js';
import { LeftBehindRepo } from '../left-behind/left-behind.repo.js';
import { leftBehindRoutes } from '../left-behind/left-behind.routes.js';
import { LeftBehindService } from '../left-behind/left-behind.service.js';
import type { OrdersService } from '../meals/orders.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import { SubsidiesRepo } from '../subsidies/subsidies.repo.js';
import { subsidiesRoutes } from '../subsidies/subsidies.routes.js';
import { SubsidiesService } from '../subsidies/subsidies.service.js';
import type { LedgerService } from '../timebank/ledger.service.js';
import type { VisitsService } from '../visits/visits.service.js';
import { WaitingListRepo } from '../waiting-list/waiting-list.repo.js';
import { waitingListRoutes } from '../waiting-list/waiting-list.routes.js';
import { WaitingListService } from '../waiting-list/waiting-list.service.js';
import { IndicatorsService } from './indicators.service.js';
import { InspectionsRepo } from './inspections.repo.js';
import { InspectionsService } from './inspections.service.js';
import { indicatorsRoutes, inspectionsRoutes, oversightRoutes } from './oversight.routes.js';
import { OversightService } from './oversight.service.js';

export interface OversightDeps {
  db: Db;
  clock: Clock;
  audit: RegisterAudit;
  timeZone(tenantId: string): string;
  regions: RegionsService;
  institutions: InstitutionsService;
  residents: ResidentsService;
  shifts: ShiftsService;
  assessments: AssessmentsRepo;
  visits: VisitsService;
  sla: SlaService;
  meals: OrdersService;
  ledger: LedgerService;
}

export function buildOversight(d: OversightDeps) {
  const oversight = new OversightService(d.institutions, d.regions, new BoardRepo(d.db), d.shifts, d.clock);
  const subsidies = new SubsidiesService(new SubsidiesRepo(d.db), d.residents, d.regions, d.audit, d.clock, d.timeZone);
  const leftBehind = new LeftBehindService(
    new LeftBehindRepo(d.db),
    d.residents,
    d.regions,
    d.visits,
    d.audit,
    d.clock,
    d.timeZone,
  );
  const waitingList = new WaitingListService(
    new WaitingListRepo(d.db),
    d.institutions,
    d.residents,
    d.audit,
    d.clock,
    d.timeZone,
  );
  const indicators = new IndicatorsService({
    visits: d.visits,
    sla: d.sla,
    meals: d.meals,
    ledger: d.ledger,
    leftBehind,
    oversight,
    regions: d.regions,
    assessments: d.assessments,
    clock: d.clock,
    timeZone: d.timeZone,
  });
  const districtName = async (user: User) => (await d.regions.list(user, { level: 'district' }))[0]?.name ?? '';
  return {
    oversight,
    subsidies,
    leftBehind,
    waitingList,
    routes: [
      oversightRoutes(oversight),
      inspectionsRoutes(new InspectionsService(new InspectionsRepo(d.db), d.clock, d.timeZone)),
      indicatorsRoutes(indicators, oversight, districtName),
      subsidiesRoutes(subsidies),
      leftBehindRoutes(leftBehind),
      waitingListRoutes(waitingList),
    ],
  };
}
