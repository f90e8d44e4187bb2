/**
 * Action plans: the default checklist of each alarm kind (built in, or edited by a coordinator), the
 * map link template, and the checklist an incident gets (the resident's own instructions first).
 */
import {
  ALERT_KINDS,
  DEFAULT_MAP_URL_TEMPLATE,
  actionPlanBodySchema,
  defaultPlan,
  type ActionPlan,
  type AlertKind,
  type DispatchSettings,
  type PlanStep,
  type User,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import { forbidden } from '../../http/errors.js';
import type { ActionPlansRepo } from './action-plans.repo.js';

/** A step as copied onto an incident. */
export interface ChecklistItem {
  id: string;
  key: string | null;
  text: string;
  source: 'resident' | 'plan';
}

export class ActionPlansService {
  constructor(private readonly repo: ActionPlansRepo) {}

  private lang(language: string | null): 'zh' | 'en' {
    return language === 'en' ? 'en' : 'zh';
  }

  /** Every kind's plan (edited or built in) and the map link template. */
  async settings(user: User): Promise<DispatchSettings> {
    const s = await this.repo.settings(user.tenantId);
    const lang = this.lang(s.language);
    const plans: ActionPlan[] = ALERT_KINDS.map((kind) => {
      const custom = this.stored(s.plans[kind]);
      return custom ? { kind, steps: custom, custom: true } : { kind, steps: defaultPlan(kind, lang), custom: false };
    });
    return { plans, mapUrlTemplate: s.mapUrlTemplate ?? DEFAULT_MAP_URL_TEMPLATE };
  }

  /** A stored plan, when it is still valid (a hand-edited setting never breaks an incident). */
  private stored(v: unknown): PlanStep[] | null {
    const r = actionPlanBodySchema.shape.steps.safeParse(v);
    return r.success ? r.data : null;
  }

  async setPlan(user: User, kind: AlertKind, body: z.output<typeof actionPlanBodySchema>): Promise<ActionPlan> {
    if (!can(user.role, 'actionPlans.write')) throw forbidden();
    await this.repo.setPlan(user.tenantId, kind, body.steps);
    return { kind, steps: body.steps, custom: true };
  }

  async resetPlan(user: User, kind: AlertKind): Promise<ActionPlan> {
    if (!can(user.role, 'actionPlans.write')) throw forbidden();
    await this.repo.setPlan(user.tenantId, kind, null);
    const s = await this.repo.settings(user.tenantId);
    return { kind, steps: defaultPlan(kind, this.lang(s.language)), custom: false };
  }

  async setMapUrlTemplate(user: User, template: string): Promise<{ mapUrlTemplate: string }> {
    if (!can(user.role, 'actionPlans.write')) throw forbidden();
    await this.repo.setMapUrlTemplate(user.tenantId, template);
    return { mapUrlTemplate: template };
  }

  async mapUrlTemplate(tenantId: string): Promise<string> {
    return (await this.repo.settings(tenantId)).mapUrlTemplate ?? DEFAULT_MAP_URL_TEMPLATE;
  }

  /** The checklist of a new incident: the resident's instructions, then the kind's plan. */
  async checklistFor(tenantId: string, kind: AlertKind, residentId: string | null): Promise<ChecklistItem[]> {
    const [s, instructions] = await Promise.all([
      this.repo.settings(tenantId),
      residentId ? this.repo.residentInstructions(tenantId, residentId) : Promise.resolve([]),
    ]);
    const plan = this.stored(s.plans[kind]) ?? defaultPlan(kind, this.lang(s.language));
    return [
      ...instructions.map((text, i) => ({ id: `resident-${i + 1}`, key: null, text, source: 'resident' as const })),
      ...plan.map((p) => ({ id: p.id, key: p.key ?? null, text: p.text, source: 'plan' as const })),
    ];
  }
}
