import { router } from '../../http/openapi.js';
import type { DevicesService } from './devices.service.js';
import * as contract from './devices.contracts.js';

export function devicesRoutes(devices: DevicesService) {
  return router()
    .openapi(contract.listDevices, async (c) => c.json(await devices.list(c.get('user'), c.req.valid('query')), 200))
    .openapi(contract.devicesSummary, async (c) => c.json(await devices.summary(c.get('user')), 200))
    .openapi(contract.createDevice, async (c) => c.json(await devices.create(c.get('user'), c.req.valid('json')), 201))
    .openapi(contract.exportMosquittoDevices, async (c) => c.json(await devices.exportMosquitto(c.get('user')), 200))
    .openapi(contract.getDevice, async (c) => c.json(await devices.get(c.get('user'), c.req.valid('param').id), 200))
    .openapi(contract.updateDevice, async (c) =>
      c.json(await devices.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(contract.issueDeviceCredentials, async (c) =>
      c.json(await devices.rotateCredentials(c.get('user'), c.req.valid('param').id), 200),
    );
}
