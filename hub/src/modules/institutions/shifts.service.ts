/**
 * The shift roster of an institution: care staff start and end their own shift; an admin,
 * coordinator or supervisor may do it for a staff member of that institution. A person has at most
 * one open shift (partial unique index on staff_shifts). The board counts open shifts as on shift.
 */
import { type StaffShift, type User, can } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badReference, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import type { InstitutionsService } from './institutions.service.js';
import type { ShiftRow, ShiftsRepo } from './shifts.repo.js';

export function toShift(r: ShiftRow): StaffShift {
  return {
    id: r.id,
    institutionId: r.institution_id,
    userId: r.user_id,
    userName: r.user_name,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    startedBy: r.started_by,
    startedByName: r.started_by_name,
    endedBy: r.ended_by,
  };
}

export class ShiftsService {
  constructor(
    private readonly repo: ShiftsRepo,
    private readonly institutions: InstitutionsService,
    private readonly clock: Clock,
  ) {}

  /** Who is on shift at the institution now (no scope check: for the board, which did it). */
  async onShift(tenantId: string, institutionId: string): Promise<StaffShift[]> {
    return (await this.repo.open(tenantId, institutionId)).map(toShift);
  }

  async list(user: User, institutionId: string, q: { active?: 'true' | 'false'; limit: number }) {
    await this.institutions.get(user, institutionId); // 404 outside the user's scope
    const rows =
      q.active === 'true'
        ? await this.repo.open(user.tenantId, institutionId)
        : await this.repo.recent(user.tenantId, institutionId, q.limit);
    return { items: rows.map(toShift) };
  }

  async start(user: User, institutionId: string, body: { userId?: string | undefined }): Promise<StaffShift> {
    await this.institutions.get(user, institutionId);
    const targetId = body.userId ?? user.id;
    if (!can(user.role, 'shifts.manage')) {
      if (!can(user.role, 'shifts.write')) throw forbidden();
      if (targetId !== user.id) throw forbidden('care staff start only their own shift');
    }
    const target = await this.repo.user(user.tenantId, targetId);
    if (!target) throw badReference('userId', 'is not a user of this district');
    if (target.role !== 'institution_staff' || target.institution_id !== institutionId)
      throw invalidField('userId', 'is not care staff of this institution (only they go on shift here)');
    const id = await this.repo.start(user.tenantId, institutionId, targetId, user.id, new Date(this.clock.now()));
    if (!id) {
      const open = await this.repo.openOf(user.tenantId, targetId);
      throw conflict(open ? `already on shift since ${open.started_at.toISOString()}` : 'already on shift');
    }
    return toShift((await this.repo.get(user.tenantId, id))!);
  }

  async end(user: User, institutionId: string, shiftId: string): Promise<StaffShift> {
    await this.institutions.get(user, institutionId);
    const shift = await this.repo.get(user.tenantId, shiftId);
    if (!shift || shift.institution_id !== institutionId) throw notFound('shift');
    if (!can(user.role, 'shifts.manage')) {
      if (!can(user.role, 'shifts.write')) throw forbidden();
      if (shift.user_id !== user.id) throw forbidden('care staff end only their own shift');
    }
    return this.close(user, shift);
  }

  /** Ends the caller's own open shift at this institution. */
  async endMine(user: User, institutionId: string): Promise<StaffShift> {
    await this.institutions.get(user, institutionId);
    const open = await this.repo.openOf(user.tenantId, user.id);
    if (!open || open.institution_id !== institutionId) throw notFound('open shift');
    return this.close(user, open);
  }

  private async close(user: User, shift: ShiftRow): Promise<StaffShift> {
    if (shift.ended_at || !(await this.repo.end(user.tenantId, shift.id, user.id, new Date(this.clock.now()))))
      throw conflict('the shift has already ended');
    return toShift((await this.repo.get(user.tenantId, shift.id))!);
  }
}
