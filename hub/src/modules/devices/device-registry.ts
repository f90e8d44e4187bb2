/**
 * In-memory view of the device registry for the hot paths (MQTT login, ingest): who a device is,
 * whom it belongs to. The tenant, resident and place always come from here, never from a payload.
 */
import type { DevicesRepo, DeviceRow, DeviceStateUpdate } from './devices.repo.js';

export type { DeviceStateUpdate };

export interface RegisteredDevice {
  id: string;
  tenantId: string;
  type: string;
  residentId: string | null;
  institutionId: string | null;
  roomId: string | null;
  secretHash: string;
}

const NEGATIVE_TTL_MS = 10_000;

export class DeviceRegistry {
  private readonly byId = new Map<string, RegisteredDevice>();
  private readonly unknownUntil = new Map<string, number>();

  constructor(private readonly repo: DevicesRepo) {}

  /** Records the devices' latest state (last seen, online, battery, signal, firmware) in one statement. */
  async recordStates(updates: DeviceStateUpdate[]): Promise<void> {
    await this.repo.applyState(updates);
  }

  async load(): Promise<number> {
    const rows = await this.repo.all();
    for (const r of rows) this.put(r);
    return rows.length;
  }

  /** Caches a device; a retired one is dropped, so its MQTT login and messages are refused like an unknown one's. */
  put(r: DeviceRow): void {
    if (r.retiredAt) {
      this.byId.delete(r.id);
      this.unknownUntil.set(r.id, Date.now() + NEGATIVE_TTL_MS);
      return;
    }
    this.byId.set(r.id, {
      id: r.id,
      tenantId: r.tenantId,
      type: r.type,
      residentId: r.residentId,
      institutionId: r.institutionId,
      roomId: r.roomId,
      secretHash: r.secretHash,
    });
    this.unknownUntil.delete(r.id);
  }

  /** Synchronous lookup for the hot path; undefined when not (yet) cached. */
  peek(id: string): RegisteredDevice | undefined {
    return this.byId.get(id);
  }

  /** Cached lookup, falling back to the database (a device registered through another hub). */
  async get(id: string): Promise<RegisteredDevice | undefined> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const until = this.unknownUntil.get(id);
    if (until && until > Date.now()) return undefined;
    const row = await this.repo.get(id);
    if (row) {
      this.put(row);
      return this.byId.get(id);
    }
    if (this.unknownUntil.size > 100_000) this.unknownUntil.clear();
    this.unknownUntil.set(id, Date.now() + NEGATIVE_TTL_MS);
    return undefined;
  }

  get size(): number {
    return this.byId.size;
  }
}
