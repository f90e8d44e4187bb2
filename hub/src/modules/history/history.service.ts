/**
 * The incident history: every closed incident, searched and filtered (elder, kind, source, outcome,
 * dispatcher, date range, over-SLA). Institution staff see their institution's incidents only.
 */
import type { HistoryItem, HistoryPage, User } from '@eldercare/shared';
import { addDays, historyQuerySchema, can, startOfLocalDay } from '@eldercare/shared';
import type { z } from 'zod';
import { badReference, forbidden, invalidField } from '../../http/errors.js';
import type { HistoryRepo, HistoryRow } from './history.repo.js';

export type HistoryQueryOut = z.output<typeof historyQuerySchema>;
/** Rows in one CSV export; narrow the filter for more. */
export const HISTORY_EXPORT_MAX = 20_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NOBODY = '00000000-0000-0000-0000-000000000000';

export function toHistoryItem(r: HistoryRow): HistoryItem {
  const start = r.opened_at ?? r.created_at;
  return {
    id: r.id,
    seq: Number(r.seq),
    queue: r.queue,
    kind: r.kind,
    kinds: r.kinds,
    severity: r.severity,
    status: r.status,
    title: r.title,
    source: r.source,
    residentId: r.resident_id,
    residentName: r.resident_name,
    community: r.community,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    deviceId: r.device_id,
    createdAt: r.created_at.toISOString(),
    openedAt: r.opened_at?.toISOString() ?? null,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.ack_name,
    closedAt: r.closed_at.toISOString(),
    outcome: r.status === 'cancelled' ? 'cancelled' : r.outcome,
    ackSeconds: r.acknowledged_at && r.opened_at ? (r.acknowledged_at.getTime() - r.opened_at.getTime()) / 1000 : null,
    totalSeconds: (r.closed_at.getTime() - start.getTime()) / 1000,
    overSla: r.over_sla,
    signalCount: r.signal_count,
    escalationLevel: r.escalation_level,
    notes: r.notes,
  };
}

export class HistoryService {
  constructor(
    private readonly repo: HistoryRepo,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  async search(user: User, q: HistoryQueryOut): Promise<HistoryPage> {
    if (!can(user.role, 'history.read')) throw forbidden();
    if (q.residentId && !(await this.repo.residentExists(user.tenantId, q.residentId)))
      throw badReference('residentId');
    if (q.dispatcherId && !(await this.repo.userExists(user.tenantId, q.dispatcherId)))
      throw badReference('dispatcherId');
    const tz = this.timeZone(user.tenantId);
    const instant = (field: 'from' | 'to', v: string | undefined, end: boolean) => {
      if (!v) return undefined;
      const d = DAY.test(v) ? startOfLocalDay(end ? addDays(v, 1) : v, tz) : new Date(v);
      if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200)
        throw invalidField(field, 'is out of range');
      return d;
    };
    const from = instant('from', q.from, false);
    const to = instant('to', q.to, true);
    const { rows, total } = await this.repo.search({
      tenantId: user.tenantId,
      institutionId: user.role === 'institution_staff' ? (user.institutionId ?? NOBODY) : undefined,
      q: q.q || undefined,
      residentId: q.residentId,
      kind: q.kind,
      source: q.source,
      outcome: q.outcome,
      dispatcherId: q.dispatcherId,
      from,
      to,
      overSla: q.overSla,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(toHistoryItem), total };
  }

  /** The people an incident can be filtered by (who acknowledged one). */
  async dispatchers(user: User): Promise<{ id: string; name: string }[]> {
    if (!can(user.role, 'history.read')) throw forbidden();
    const people = await this.repo.dispatchers(
      user.tenantId,
      user.role === 'institution_staff' ? (user.institutionId ?? NOBODY) : undefined,
    );
    // By name as people read it (pinyin order for Chinese), whatever the database's collation.
    return people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
  }

  /** Every matching incident (newest first, at most HISTORY_EXPORT_MAX), for the CSV export. */
  async export(user: User, q: HistoryQueryOut): Promise<{ items: HistoryItem[]; timeZone: string }> {
    const items: HistoryItem[] = [];
    for (let offset = 0; offset < HISTORY_EXPORT_MAX; offset += 200) {
      const page = await this.search(user, { ...q, limit: 200, offset });
      items.push(...page.items);
      if (page.items.length < 200) break;
    }
    return { items, timeZone: this.timeZone(user.tenantId) };
  }
}
