/** Device registration, credentials and fleet listing. */
import { randomBytes } from 'node:crypto';
import {
  createDeviceBodySchema,
  topicFor,
  LOW_BATTERY_PERCENT,
  type CreatedDevice,
  type Device,
  type DevicePage,
  type FleetSummary,
  type DeviceType,
  type UpdateDeviceBody,
  type User,
} from '@eldercare/shared';
import type { z } from 'zod';
import { badReference, badRequest, conflict, invalidField, notFound, referenced } from '../../http/errors.js';
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
import type { RegisterAudit } from '../audit/register-audit.js';
import type { Clock } from '../../clock.js';

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
    retiredAt: r.retiredAt?.toISOString() ?? null,
  };
}

export class DevicesService {
  constructor(
    private readonly repo: DevicesRepo,
    private readonly registry: DeviceRegistry,
    private readonly residents: ResidentsService,
    private readonly institutions: InstitutionsService,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
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

  /** What a user may see of the fleet: staff their institution's devices, family their elder's. */
  private scope(user: User, f: { residentId?: string; institutionId?: string; includeRetired?: boolean }) {
    const scoped = { tenantId: user.tenantId, ...f };
    if (user.role === 'institution_staff') {
      // Another institution's devices are not theirs: a filter for one matches nothing.
      if (f.institutionId && f.institutionId !== user.institutionId) return null;
      scoped.institutionId = user.institutionId ?? undefined;
    }
    if (user.role === 'family') {
      if (f.residentId && f.residentId !== user.residentId) return null;
      scoped.residentId = user.residentId ?? undefined;
    }
    return scoped;
  }

  /**
   * A page of the devices in service (retired ones too with `includeRetired`), in id order:
   * `limit` devices after `cursor` (the `nextCursor` of the page before).
   */
  async list(
    user: User,
    f: { residentId?: string; institutionId?: string; includeRetired?: boolean; limit: number; cursor?: string },
  ): Promise<DevicePage> {
    const { limit, cursor, ...filter } = f;
    const scoped = this.scope(user, filter);
    if (!scoped) return { items: [], total: 0, nextCursor: null };
    if ((user.role === 'institution_staff' && !user.institutionId) || (user.role === 'family' && !user.residentId))
      return { items: [], total: 0, nextCursor: null };
    // One more than asked: tells whether there is a next page.
    const { rows, total } = await this.repo.page(scoped, limit + 1, cursor);
    const items = rows.slice(0, limit).map(toDevice);
    return { items, total, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  }

  /** The fleet in numbers (devices in service the user may see). */
  async summary(user: User): Promise<FleetSummary> {
    const scoped = this.scope(user, {});
    if (
      !scoped ||
      (user.role === 'institution_staff' && !user.institutionId) ||
      (user.role === 'family' && !user.residentId)
    )
      return { total: 0, online: 0, offline: 0, lowBattery: 0 };
    return this.repo.summary(scoped, LOW_BATTERY_PERCENT);
  }

  async get(user: User, id: string): Promise<Device> {
    const row = await this.repo.get(id);
    if (!row || row.tenantId !== user.tenantId) throw notFound('device');
    if (user.role === 'institution_staff' && row.institutionId !== user.institutionId) throw notFound('device');
    if (user.role === 'family' && row.residentId !== user.residentId) throw notFound('device');
    return toDevice(row);
  }

  /** Checks where a device is placed (resident, room, institution) and fills in the institution. */
  private async placement(
    user: User,
    p: { residentId: string | null; institutionId: string | null; roomId: string | null },
  ): Promise<string | null> {
    let institutionId = p.institutionId;
    if (p.residentId) {
      const resident = await referenced('residentId', this.residents.get(user, p.residentId));
      institutionId ??= resident.institutionId;
    }
    if (p.roomId) {
      const owner = (await this.institutions.list(user)).find((i) => i.rooms.some((r) => r.id === p.roomId));
      if (!owner) throw badReference('roomId', 'is not a room of a known institution');
      if (institutionId && institutionId !== owner.id) throw badReference('roomId', 'belongs to another institution');
      institutionId = owner.id;
    } else if (institutionId) {
      await referenced('institutionId', this.institutions.get(user, institutionId));
    }
    return institutionId;
  }

  async create(user: User, body: z.output<typeof createDeviceBodySchema>): Promise<CreatedDevice> {
    const institutionId = await this.placement(user, body);
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
    const device = toDevice(row);
    await this.audit.record(user, 'device', id, null, device);
    return { device, credentials: this.credentials(id, secret) };
  }

  /**
   * Moves a device to another resident, institution or room, relabels it, or retires it (its MQTT
   * login is refused from then on; its readings, events and incidents stay) or puts it back.
   */
  async update(user: User, id: string, patch: UpdateDeviceBody): Promise<Device> {
    const row = await this.repo.get(id);
    if (!row || row.tenantId !== user.tenantId) throw notFound('device');
    const before = toDevice(row);
    const moved = patch.residentId !== undefined || patch.institutionId !== undefined || patch.roomId !== undefined;
    let place: { residentId: string | null; institutionId: string | null; roomId: string | null } | undefined;
    if (moved) {
      // A move names the new place; what it leaves out is cleared, not kept from the old place.
      const next = {
        residentId: patch.residentId ?? null,
        institutionId: patch.institutionId ?? null,
        roomId: patch.roomId ?? null,
      };
      if (!next.residentId && !next.institutionId && !next.roomId)
        throw badRequest('a device belongs to a resident, an institution or a room', [
          { path: 'residentId', message: 'required' },
        ]);
      place = { ...next, institutionId: await this.placement(user, next) };
    }
    const retiredAt =
      patch.retired === undefined ? undefined : patch.retired ? (row.retiredAt ?? new Date(this.clock.now())) : null;
    const updated = await this.repo.update(id, {
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(place ?? {}),
      ...(retiredAt !== undefined ? { retiredAt } : {}),
    });
    if (!updated) throw notFound('device');
    this.registry.put(updated);
    const after = toDevice(updated);
    await this.audit.record(user, 'device', id, before, after);
    return after;
  }

  /** Issues a new password; the old one stops working. */
  async rotateCredentials(user: User, id: string): Promise<CreatedDevice> {
    const current = await this.get(user, id);
    if (current.retiredAt) throw conflict('the device is retired: put it back in service first');
    const secret = generateDeviceSecret();
    const row = await this.repo.setSecretHash(id, hashDeviceSecret(secret));
    if (!row) throw notFound('device');
    this.registry.put(row);
    await this.audit.record(user, 'device', id, null, null, 'credentials_reissued');
    return { device: toDevice(row), credentials: this.credentials(id, secret) };
  }

  async exportMosquitto(user: User): Promise<{ passwordFile: string; aclFile: string }> {
    const rows = await this.repo.list({ tenantId: user.tenantId });
    await this.audit.record(user, 'device', '*', null, { devices: rows.length }, 'credentials_exported');
    const hub = this.hubMqttPassword
      ? [{ id: this.hubMqttUser, secretHash: hashDeviceSecret(this.hubMqttPassword) }]
      : [];
    return { passwordFile: mosquittoPasswordFile([...hub, ...rows]), aclFile: mosquittoAclFile(this.hubMqttUser) };
  }
}
