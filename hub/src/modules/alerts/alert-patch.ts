/** What a step of an incident changes, as services name it; mapped to the alerts table's columns here. */
import type { AlertRow } from './alerts.repo.js';

/**
 * What a step of an incident changes, by the API's field names (undefined: kept); the repository
 * maps it to columns (ALERT_COLUMN_OF).
 */
export interface AlertPatch {
  status?: string;
  priority?: number;
  openedAt?: Date;
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
  contactAt?: Date;
  dispatchedAt?: Date;
  acceptedAt?: Date | null;
  onSceneAt?: Date;
  closedAt?: Date;
  dueAt?: Date | null;
  outcome?: string;
  responder?: unknown;
  responderLadder?: unknown;
  checklist?: unknown;
}

const ALERT_COLUMN_OF: { [K in keyof AlertPatch]-?: keyof AlertRow } = {
  status: 'status',
  priority: 'priority',
  openedAt: 'opened_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
  contactAt: 'contact_at',
  dispatchedAt: 'dispatched_at',
  acceptedAt: 'accepted_at',
  onSceneAt: 'on_scene_at',
  closedAt: 'closed_at',
  dueAt: 'due_at',
  outcome: 'outcome',
  responder: 'responder',
  responderLadder: 'responder_ladder',
  checklist: 'checklist',
};

/** The columns a patch changes, with their values (the fields it was not sent are left out). */
export function alertColumns(p: AlertPatch): Partial<AlertRow> {
  const out: Partial<Record<keyof AlertRow, unknown>> = {};
  for (const [field, column] of Object.entries(ALERT_COLUMN_OF) as [keyof AlertPatch, keyof AlertRow][])
    if (p[field] !== undefined) out[column] = p[field];
  return out as Partial<AlertRow>;
}
