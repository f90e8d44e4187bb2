/** The incident as the API and the screens see it (toAlert) and its titles (the lifecycle is shared/src/lifecycle.ts). */
import type { Alert, AlertKind, AlertPlace, AlertStatus, Severity } from '@eldercare/shared';
import type { AlertRow } from './alerts.repo.js';
import type { AlertContextRepo } from './alert-context.repo.js';

export const TITLES: Record<AlertKind, string> = {
  sos: 'SOS call',
  fall: 'Fall detected',
  smoke: 'Smoke alarm',
  gas: 'Gas alarm',
  water_leak: 'Water leak',
  vitals: 'Vital signs out of range',
  inactivity: 'No activity',
  night_bed_exit: 'Out of bed at night',
  night_door_open: 'Door opened at night',
  geofence_exit: 'Left safe zone',
  device_offline: 'Device offline',
  low_battery: 'Low battery',
  power_loss: 'Mains power lost',
  device_storm: 'Device sending too many events',
  watchdog: 'Nobody watching',
  welfare_concern: 'Welfare concern from a visit',
  missed_meal: 'Missed meal: welfare check',
  missed_test: 'Missed periodic self-test',
  clock_wrong: 'Device clock wrong',
  not_monitored: 'Not monitored: activity sensors offline',
};

export function toAlert(r: AlertRow): Alert {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    seq: Number(r.seq),
    queue: r.queue as Alert['queue'],
    kind: r.kind as AlertKind,
    kinds: (r.kinds?.length ? r.kinds : [r.kind]) as AlertKind[],
    severity: r.severity as Severity,
    priority: r.priority,
    status: r.status as AlertStatus,
    title: r.title,
    residentId: r.resident_id,
    residentName: r.resident_name,
    institutionId: r.institution_id,
    deviceId: r.device_id,
    signalCount: r.signal_count,
    escalationLevel: r.escalation_level,
    flagged: r.flagged,
    createdAt: r.created_at.toISOString(),
    occurredAt: (r.occurred_at ?? r.created_at).toISOString(),
    openedAt: iso(r.opened_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.ack_name,
    contactAt: iso(r.contact_at),
    dispatchedAt: iso(r.dispatched_at),
    acceptedAt: iso(r.accepted_at),
    onSceneAt: iso(r.on_scene_at),
    closedAt: iso(r.closed_at),
    outcome: r.outcome,
    responder: (r.responder as Alert['responder']) ?? null,
    responderLadder: (r.responder_ladder as Alert['responderLadder']) ?? null,
    location: r.lat != null && r.lon != null ? { lat: r.lat, lon: r.lon } : null,
    place: (r.place as AlertPlace | null) ?? null,
    source: (r.source ?? 'device') as Alert['source'],
    caller: (r.caller as Alert['caller']) ?? null,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function placeFromRow(
  row: NonNullable<Awaited<ReturnType<AlertContextRepo['placeOf']>>>,
): Omit<AlertPlace, 'staffOnShift'> {
  return {
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    institutionPhone: row.institution_phone,
    floor: row.floor,
    roomId: row.room_id,
    roomName: row.room_name,
    bedLabel: row.bed_label,
    residents: row.residents,
  };
}

/** How a device event reached the alert engine. */
export interface EventDelivery {
  /** False for a redelivery of an event that was already stored. */
  fresh: boolean;
  /** When the hub received it (for an event replayed from the spool: when it was spooled). */
  receivedAt: number;
  /** A `cancel` of the same device follows it in the spool being replayed (see `followedByCancel`). */
  cancelFollows?: boolean;
}
