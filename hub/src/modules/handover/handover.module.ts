/** The shift handover of the dispatch room (who is on screen comes from the live channel). */
import type { HubContext } from '../module.js';
import { connectedScreens } from '../../realtime/socket.js';
import { HandoverRepo } from './handover.repo.js';
import { HandoverService } from './handover.service.js';
import { handoverRoutes } from './handover.routes.js';

export function createHandoverModule(ctx: HubContext) {
  const service = new HandoverService(new HandoverRepo(ctx.database.db), ctx.clock, async (tenantId) => {
    const io = ctx.sockets.io;
    return io ? connectedScreens(io, tenantId) : [];
  });
  return { service, routes: [handoverRoutes(service)] };
}
