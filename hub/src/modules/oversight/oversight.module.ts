/** Oversight of the district's institutions and services: figures, inspections and the indicators report. */
import type { HubContext } from '../module.js';
import type { InstitutionsModule } from '../institutions/institutions.module.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { IndicatorsDeps } from './indicators.service.js';
import { OversightService } from './oversight.service.js';
import { indicatorsRoutes, inspectionsRoutes, oversightRoutes } from './oversight.routes.js';
import { InspectionsRepo } from './inspections.repo.js';
import { InspectionsService } from './inspections.service.js';
import { IndicatorsService } from './indicators.service.js';

export function createOversightModule(
  ctx: HubContext,
  d: Omit<IndicatorsDeps, 'oversight' | 'clock' | 'timeZone'> & {
    institutions: InstitutionsModule;
    regions: RegionsService;
    timeZone(tenantId: string): string;
  },
) {
  const { institutions, ...indicatorDeps } = d;
  const oversight = new OversightService(
    institutions.service,
    d.regions,
    institutions.board,
    institutions.shifts,
    ctx.clock,
  );
  const indicators = new IndicatorsService({ ...indicatorDeps, oversight, clock: ctx.clock, timeZone: d.timeZone });
  return {
    oversight,
    routes: [
      oversightRoutes(oversight),
      inspectionsRoutes(new InspectionsService(new InspectionsRepo(ctx.database.db), ctx.clock, d.timeZone)),
      indicatorsRoutes(
        indicators,
        oversight,
        async (user) => (await d.regions.list(user, { level: 'district' }))[0]?.name ?? '',
      ),
    ],
  };
}
