import { router } from '../../http/openapi.js';
import type { ResidentsService } from './residents.service.js';
import * as contract from './residents.contracts.js';

export function residentsRoutes(residents: ResidentsService) {
  return router()
    .openapi(contract.listResidents, async (c) =>
      c.json(await residents.list(c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contract.createResident, async (c) =>
      c.json(await residents.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contract.getResident, async (c) =>
      c.json(await residents.get(c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(contract.updateResident, async (c) =>
      c.json(await residents.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
