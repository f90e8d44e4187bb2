import { router } from '../../http/openapi.js';
import * as contracts from './requests.contracts.js';
import type { MembersService } from './members.service.js';
import type { RequestsService } from './requests.service.js';

export function requestsRoutes(requests: RequestsService, members: MembersService) {
  return (
    router()
      .openapi(contracts.listRequests, async (c) =>
        c.json(await requests.list(c.get('user'), c.req.valid('query')), 200),
      )
      .openapi(contracts.createRequest, async (c) =>
        c.json(await requests.create(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.getRequest, async (c) =>
        c.json(await requests.get(c.get('user'), c.req.valid('param').id), 200),
      )
      // ---- the request's flow ----
      .openapi(contracts.dispatchRequest, async (c) =>
        c.json(await requests.dispatch(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.declineRequest, async (c) =>
        c.json(await requests.decline(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.acceptRequest, async (c) =>
        c.json(await requests.accept(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.checkIn, async (c) =>
        c.json(await requests.checkIn(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.checkOut, async (c) =>
        c.json(await requests.checkOut(c.get('user'), c.req.valid('param').id), 200),
      )
      .openapi(contracts.confirmRequest, async (c) =>
        c.json(await requests.confirm(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.disputeRequest, async (c) =>
        c.json(await requests.dispute(c.get('user'), c.req.valid('param').id, c.req.valid('json').reason), 200),
      )
      .openapi(contracts.resolveDispute, async (c) =>
        c.json(await requests.resolve(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.cancelRequest, async (c) =>
        c.json(await requests.cancel(c.get('user'), c.req.valid('param').id, c.req.valid('json').reason), 200),
      )
      // ---- a volunteer's own view ----
      .openapi(contracts.myTimebank, async (c) => {
        const user = c.get('user');
        const [volunteer] = user.role === 'volunteer' ? await members.listVolunteers(user) : [];
        const accounts = await members.listAccounts(user, {});
        const tasks = user.role === 'volunteer' ? (await requests.list(user, { limit: 100, offset: 0 })).items : [];
        return c.json({ volunteer: volunteer ?? null, accounts, tasks }, 200);
      })
  );
}
