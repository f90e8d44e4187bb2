/** Device registration, credentials and fleet listing. */
import { randomBytes } from 'node:crypto';
import {
  createDeviceBodySchema,
  topicFor,
  type CreatedDevice,
  type Device,
  type DeviceType,
  type User,
} from '@eldercare/shared';
import type { z } from 'zod';
import { badReference, conflict, invalidField, notFound, referenced } from '../../http/errors.js';
import {
  generateDeviceSecret,
  hashDeviceSecret,
  mosquittoAclFile,
  mosquittoPasswordFile,
} from '../../mqtt/credentials.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { DeviceRegistry } from './device-registry.js';
import type { DeviceRow, DevicesRepo } from './devices.repo.js';

export function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    type: r.type as DeviceType,
    label: r.label,
    residentId: r.residentId,
    institutionId: r.institutionId,
    roomId: r.roomId,
    online: r.online,
    battery: r.battery,
    signal: r.signal,
    firmware: r.firmware,
    lastSeen: r.lastSeen?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export class DevicesService {
  constructor(
    private readonly repo: DevicesRepo,
    private readonly registry: DeviceRegistry,
    private readonly residents: ResidentsService,
    private readonly institutions: InstitutionsService,
    private readonly hubMqttUser: string,
    /** The hub's own password on an external broker, so the export can include the hub's line. */
    private readonly hubMqttPassword?: string,
  ) {}

  private credentials(id: string, password: string): CreatedDevice['credentials'] {
    return {
      username: id,
      clientId: id,
      password,
      topics: {
        telemetry: topicFor(id, 'telemetry'),
        events: topicFor(id, 'events'),
        status: topicFor(id, 'status'),
        commands: topicFor(id, 'commands'),
      },
    };
  }

  async list(user: User, f: { residentId?: string; institutionId?: string }) {
    let rows = await this.repo.list({ tenantId: user.tenantId, ...f });
    if (user.role === 'institution_staff') rows = rows.filter((r) => r.institutionId === user.institutionId);
    if (user.role === 'family') rows = rows.filter((r) => r.residentId === user.residentId);
    return { items: rows.map(toDevice), total: rows.length };
  }

  async get(user: User, id: string): Promise<Device> {
    const row = await this.repo.get(id);
    if (!row || row.tenantId !== user.tenantId) throw notFound('device');
    if (user.role === 'institution_staff' && row.institutionId !== user.institutionId) throw notFound('device');
    if (user.role === 'family' && row.residentId !== user.residentId) throw notFound('device');
    return toDevice(row);
  }

  async create(user: User, body: z.output<typeof createDeviceBodySchema>): Promise<CreatedDevice> {
    let institutionId = body.institutionId;
    if (body.residentId) {
      const resident = await referenced('residentId', this.residents.get(user, body.residentId));
      institutionId ??= resident.institutionId;
    }
    if (body.roomId) {
      const owner = (await this.institutions.list(user)).find((i) => i.rooms.some((r) => r.id === body.roomId));
      if (!owner) throw badReference('roomId', 'is not a room of a known institution');
      if (institutionId && institutionId !== owner.id) throw badReference('roomId', 'belongs to another institution');
      institutionId = owner.id;
    } else if (institutionId) {
      await referenced('institutionId', this.institutions.get(user, institutionId));
    }
    const id = body.id ?? `${body.type.replace(/_/g, '-')}-${randomBytes(5).toString('hex')}`;
    if (id === this.hubMqttUser) throw invalidField('id', 'is reserved');
    if (await this.repo.get(id)) throw conflict(`device ${id} is already registered`);
    const secret = generateDeviceSecret();
    const row = await this.repo.insert({
      id,
      tenantId: user.tenantId,
      type: body.type,
      label: body.label,
      residentId: body.residentId,
      institutionId,
      roomId: body.roomId,
      secretHash: hashDeviceSecret(secret),
    });
    this.registry.put(row);
    return { device: toDevice(row), credentials: this.credentials(id, secret) };
  }

  /** Issues a new password; the old one stops working. */
  async rotateCredentials(user: User, id: string): Promise<CreatedDevice> {
    await this.get(user, id);
    const secret = generateDeviceSecret();
    const row = await this.repo.setSecretHash(id, hashDeviceSecret(secret));
    if (!row) throw notFound('device');
    this.registry.put(row);
    return { device: toDevice(row), credentials: this.credentials(id, secret) };
  }

  async exportMosquitto(user: User): Promise<{ passwordFile: string; aclFile: string }> {
    const rows = await this.repo.list({ tenantId: user.tenantId });
    const hub = this.hubMqttPassword
      ? [{ id: this.hubMqttUser, secretHash: hashDeviceSecret(this.hubMqttPassword) }]
      : [];
    return { passwordFile: mosquittoPasswordFile([...hub, ...rows]), aclFile: mosquittoAclFile(this.hubMqttUser) };
  }
}
