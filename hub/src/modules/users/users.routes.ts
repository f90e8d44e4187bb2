import { router } from '../../http/openapi.js';
import type { UsersService } from './users.service.js';
import * as contract from './users.contracts.js';

export function usersRoutes(users: UsersService) {
  return router().openapi(contract.updateUser, async (c) =>
    c.json(await users.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
