/** Inspection records of institutions, recorded by officials and coordinators; overdue rectifications flagged. */
import {
  isOverdue,
  type Inspection,
  type InspectionPatch,
  type User,
  type inspectionBodySchema,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { forbidden, invalidField, notFound } from '../../http/errors.js';
import { localDate } from '@eldercare/shared';
import type { InspectionRow, InspectionsRepo } from './inspections.repo.js';

export class InspectionsService {
  constructor(
    private readonly repo: InspectionsRepo,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  private today = (tenantId: string) => localDate(new Date(this.clock.now()), this.timeZone(tenantId));

  private toInspection(r: InspectionRow, today: string): Inspection {
    return {
      id: r.id,
      institutionId: r.institutionId,
      institutionName: r.institutionName,
      inspectedOn: r.inspectedOn,
      kind: r.kind as Inspection['kind'],
      inspector: r.inspector,
      findings: r.findings,
      starRating: r.starRating,
      rectifyBy: r.rectifyBy,
      rectifiedOn: r.rectifiedOn,
      overdue: isOverdue(r, today),
      createdAt: r.createdAt.toISOString(),
    };
  }

  async list(user: User, q: { institutionId?: string; overdue?: 'true' | 'false'; limit: number }) {
    if (!can(user.role, 'oversight.read')) throw forbidden();
    const today = this.today(user.tenantId);
    const rows = await this.repo.list({
      tenantId: user.tenantId,
      institutionId: q.institutionId,
      overdueBy: q.overdue === 'true' ? today : undefined,
      limit: q.limit,
    });
    return rows.map((r) => this.toInspection(r, today));
  }

  async create(user: User, body: z.output<typeof inspectionBodySchema>): Promise<Inspection> {
    if (!can(user.role, 'inspections.write')) throw forbidden();
    const today = this.today(user.tenantId);
    if (body.inspectedOn > today) throw invalidField('inspectedOn', 'cannot be in the future');
    if (body.rectifyBy && body.rectifyBy < body.inspectedOn)
      throw invalidField('rectifyBy', 'must be on or after the inspection day');
    if (body.kind !== 'star_rating' && body.starRating !== null)
      throw invalidField('starRating', 'is given by star-rating inspections only');
    const id = await this.repo.insert({ ...body, tenantId: user.tenantId, createdBy: user.id });
    return this.toInspection((await this.repo.get(user.tenantId, id))!, today);
  }

  async update(user: User, id: string, patch: InspectionPatch): Promise<Inspection> {
    if (!can(user.role, 'inspections.write')) throw forbidden();
    const before = await this.repo.get(user.tenantId, id);
    if (!before) throw notFound('inspection');
    const today = this.today(user.tenantId);
    if (patch.rectifiedOn && (patch.rectifiedOn > today || patch.rectifiedOn < before.inspectedOn))
      throw invalidField('rectifiedOn', 'must be between the inspection day and today');
    if (patch.rectifyBy && patch.rectifyBy < before.inspectedOn)
      throw invalidField('rectifyBy', 'must be on or after the inspection day');
    await this.repo.update(user.tenantId, id, patch);
    return this.toInspection((await this.repo.get(user.tenantId, id))!, today);
  }
}
