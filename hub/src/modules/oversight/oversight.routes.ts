import type { User } from '@eldercare/shared';
import { router } from '../../http/openapi.js';
import * as contracts from './oversight.contracts.js';
import type { InspectionsService } from './inspections.service.js';
import type { OversightService } from './oversight.service.js';
import type { IndicatorsService } from './indicators.service.js';
import { indicatorsWorkbook } from './indicators-xlsx.js';

export function oversightRoutes(oversight: OversightService) {
  return router().openapi(contracts.institutionFigures, async (c) =>
    c.json(await oversight.institutionFigures(c.get('user')), 200),
  );
}

export function indicatorsRoutes(
  indicators: IndicatorsService,
  oversight: OversightService,
  districtName: (user: User) => Promise<string>,
) {
  return router()
    .openapi(contracts.indicators, async (c) =>
      c.json(await indicators.indicators(c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contracts.indicatorsReport, async (c) => {
      const user = c.get('user');
      const ind = await indicators.indicators(user, c.req.valid('query'));
      const inst = await oversight.institutionFigures(user);
      const body = await indicatorsWorkbook(ind, inst, await districtName(user));
      c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('content-disposition', `attachment; filename="indicators-${ind.month}.xlsx"`);
      return c.body(new Uint8Array(body), 200);
    });
}

export function inspectionsRoutes(inspections: InspectionsService) {
  return router()
    .openapi(contracts.listInspections, async (c) =>
      c.json({ items: await inspections.list(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contracts.recordInspection, async (c) =>
      c.json(await inspections.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contracts.updateInspection, async (c) =>
      c.json(await inspections.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
