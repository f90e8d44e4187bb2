import { router } from '../../http/openapi.js';
import type { Dc09AccountsService } from './accounts.service.js';
import * as contract from './dc09.contracts.js';

export function dc09Routes(accounts: Dc09AccountsService) {
  return router()
    .openapi(contract.listDc09Accounts, async (c) =>
      c.json(await accounts.list(c.get('user'), c.req.valid('query').deviceId), 200),
    )
    .openapi(contract.createDc09Account, async (c) =>
      c.json(await accounts.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contract.getDc09Account, async (c) =>
      c.json(await accounts.get(c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(contract.updateDc09Account, async (c) =>
      c.json(await accounts.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contract.deleteDc09Account, async (c) => {
      await accounts.remove(c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(contract.listDc09Profiles, async (c) => c.json({ items: accounts.profiles() }, 200))
    .openapi(contract.dc09CodeTable, async (c) => c.json(accounts.codeTable(c.req.valid('query').profile), 200));
}
