import { router } from '../../http/openapi.js';
import type { InstitutionsService } from './institutions.service.js';
import type { BoardService } from './board.service.js';
import type { ShiftsService } from './shifts.service.js';
import * as contract from './institutions.contracts.js';

export function institutionsRoutes(institutions: InstitutionsService, board: BoardService, shifts: ShiftsService) {
  return router()
    .openapi(contract.listInstitutions, async (c) =>
      c.json({ items: await institutions.list(c.get('user'), c.req.valid('query')) }, 200),
    )
    .openapi(contract.createInstitution, async (c) =>
      c.json(await institutions.create(c.get('user'), c.req.valid('json')), 201),
    )
    .openapi(contract.getInstitution, async (c) =>
      c.json(await institutions.get(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(contract.updateInstitution, async (c) =>
      c.json(await institutions.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contract.addRoom, async (c) =>
      c.json(await institutions.addRoom(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(contract.updateRoom, async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.updateRoom(c.get('user'), p.id, p.roomId, c.req.valid('json')), 200);
    })
    .openapi(contract.addBeds, async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.addBeds(c.get('user'), p.id, p.roomId, c.req.valid('json')), 201);
    })
    .openapi(contract.updateBed, async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.updateBed(c.get('user'), p.id, p.roomId, p.bedId, c.req.valid('json')), 200);
    })
    .openapi(contract.getBoard, async (c) => c.json(await board.board(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contract.listShifts, async (c) =>
      c.json(await shifts.list(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(contract.startShift, async (c) =>
      c.json(await shifts.start(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(contract.endOwnShift, async (c) =>
      c.json(await shifts.endMine(c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(contract.endShift, async (c) => {
      const p = c.req.valid('param');
      return c.json(await shifts.end(c.get('user'), p.id, p.shiftId), 200);
    });
}
