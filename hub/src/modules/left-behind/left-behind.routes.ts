import { router } from '../../http/openapi.js';
import * as contracts from './left-behind.contracts.js';
import type { LeftBehindService } from './left-behind.service.js';

export function leftBehindRoutes(register: LeftBehindService) {
  return router()
    .openapi(contracts.listLeftBehind, async (c) =>
      c.json(await register.list(c.get('user'), c.req.valid('query')), 200),
    )
    .openapi(contracts.registerLeftBehind, async (c) =>
      c.json(await register.register(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contracts.updateLeftBehind, async (c) =>
      c.json(await register.update(c.get('user'), c.req.valid('param').residentId, c.req.valid('json')), 200),
    );
}
