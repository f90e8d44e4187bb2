/** The device register, and the in-memory registry the hot paths (MQTT login, ingest) read. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import { HUB_MQTT_USER } from '../../infra/mqtt.js';
import { DevicesRepo } from './devices.repo.js';
import { DeviceRegistry } from './device-registry.js';
import { DevicesService } from './devices.service.js';
import { devicesRoutes } from './devices.routes.js';

export function createDevicesModule(
  ctx: HubContext,
  d: { audit: RegisterAudit; residents: ResidentsService; institutions: InstitutionsService },
) {
  const { config } = ctx;
  const repo = new DevicesRepo(ctx.database.db);
  const registry = new DeviceRegistry(repo);
  const service = new DevicesService(
    repo,
    registry,
    d.residents,
    d.institutions,
    d.audit,
    ctx.clock,
    config.MQTT_URL ? (config.MQTT_USERNAME ?? HUB_MQTT_USER) : HUB_MQTT_USER,
    config.MQTT_URL ? config.MQTT_PASSWORD : undefined,
  );
  return { service, registry, routes: [devicesRoutes(service)] };
}
