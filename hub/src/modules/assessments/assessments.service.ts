/**
 * Capability assessments (GB/T 42195-2022): scored on the hub from the item points, kept as history;
 * the latest one sets the resident's grade and care level (staffing ratios, visit tier).
 */
import {
  nextDueOn,
  scoreAssessment,
  type Assessment,
  type AssessmentAdjustments,
  type User,
  type assessmentBodySchema,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { forbidden, invalidField } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { ResidentsService } from '../residents/residents.service.js';
import { localDate } from '@eldercare/shared';
import type { AssessmentRow, AssessmentsRepo } from './assessments.repo.js';

export function toAssessment(r: AssessmentRow): Assessment {
  const scores = r.scores as Record<string, number>;
  const adjustments = r.adjustments as AssessmentAdjustments;
  return {
    id: r.id,
    residentId: r.residentId,
    assessedOn: r.assessedOn,
    reason: r.reason as Assessment['reason'],
    scores,
    adjustments,
    domainTotals: scoreAssessment(scores, adjustments).domainTotals,
    total: r.total,
    preliminaryGrade: r.preliminaryGrade as Assessment['grade'],
    grade: r.grade as Assessment['grade'],
    careLevel: r.careLevel as Assessment['careLevel'],
    assessorId: r.assessorId,
    assessorName: r.assessorName,
    nextDueOn: r.nextDueOn,
    createdAt: r.createdAt.toISOString(),
  };
}

export class AssessmentsService {
  constructor(
    private readonly repo: AssessmentsRepo,
    private readonly residents: ResidentsService,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  // ---- district-wide figures (the oversight indicators; no user scope: the caller checked it) -------

  eldersByCommunity(tenantId: string): ReturnType<AssessmentsRepo['eldersByCommunity']> {
    return this.repo.eldersByCommunity(tenantId);
  }

  dueInDistrict(f: Parameters<AssessmentsRepo['due']>[0]): ReturnType<AssessmentsRepo['due']> {
    return this.repo.due(f);
  }

  countBetween(tenantId: string, from: string, to: string): Promise<number> {
    return this.repo.countBetween(tenantId, from, to);
  }

  today(tenantId: string): string {
    return localDate(new Date(this.clock.now()), this.timeZone(tenantId));
  }

  /** A resident's assessments, latest first (404 when the resident is not the user's to see). */
  async history(user: User, residentId: string): Promise<Assessment[]> {
    await this.residents.get(user, residentId);
    return (await this.repo.history(user.tenantId, residentId)).map(toAssessment);
  }

  /** Scores and records an assessment; the latest one sets the resident's grade and care level. */
  async create(user: User, residentId: string, body: z.output<typeof assessmentBodySchema>): Promise<Assessment> {
    if (!can(user.role, 'assessments.write')) throw forbidden();
    const before = await this.residents.get(user, residentId);
    const today = this.today(user.tenantId);
    const assessedOn = body.assessedOn ?? today;
    if (assessedOn > today) throw invalidField('assessedOn', 'cannot be in the future');
    if (body.adjustments.coma && body.scores.consciousness !== 0)
      throw invalidField('scores.consciousness', 'must be 0 for an elder in a coma');
    const s = scoreAssessment(body.scores, body.adjustments);
    const { row, latest } = await this.repo.insert({
      tenantId: user.tenantId,
      residentId,
      assessedOn,
      reason: body.reason,
      scores: body.scores,
      adjustments: body.adjustments,
      total: s.total,
      preliminaryGrade: s.preliminaryGrade,
      grade: s.grade,
      careLevel: s.careLevel,
      assessorId: user.id,
      assessorName: user.name,
      nextDueOn: nextDueOn(assessedOn, s.grade),
    });
    const created = toAssessment(row);
    await this.audit.record(user, 'assessment', row.id, null, {
      residentId,
      assessedOn,
      total: s.total,
      grade: s.grade,
      careLevel: s.careLevel,
    });
    if (latest) {
      const after = await this.residents.get(user, residentId);
      await this.audit.record(
        user,
        'resident',
        residentId,
        { careLevel: before.careLevel, capabilityGrade: before.capabilityGrade },
        { careLevel: after.careLevel, capabilityGrade: after.capabilityGrade },
      );
    }
    return created;
  }

  /** Elders never assessed or due for re-assessment by a day (institution staff: their institution's). */
  async due(user: User, q: { by?: string; limit: number }) {
    if (!can(user.role, 'assessments.read')) throw forbidden();
    const { rows, total } = await this.repo.due({
      tenantId: user.tenantId,
      by: q.by ?? this.today(user.tenantId),
      institutionId:
        user.role === 'institution_staff' ? (user.institutionId ?? '00000000-0000-0000-0000-000000000000') : undefined,
      limit: q.limit,
    });
    return { items: rows.map((r) => ({ ...r, grade: r.grade as Assessment['grade'] | null })), total };
  }
}
