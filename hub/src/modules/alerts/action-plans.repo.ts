/** SQL of action plans: the tenant's edited plans and map link template (in tenants.settings), a resident's own instructions. */
import type pg from 'pg';

export interface StoredDispatchSettings {
  plans: Record<string, unknown>;
  mapUrlTemplate: string | null;
  language: string | null;
}

export class ActionPlansRepo {
  constructor(private readonly pool: pg.Pool) {}

  async settings(tenantId: string): Promise<StoredDispatchSettings> {
    const r = await this.pool.query<{ plans: Record<string, unknown> | null; map: string | null; lang: string | null }>(
      `SELECT settings->'actionPlans' AS plans, settings->>'mapUrlTemplate' AS map, settings->>'language' AS lang
         FROM tenants WHERE id = $1`,
      [tenantId],
    );
    const row = r.rows[0];
    return { plans: row?.plans ?? {}, mapUrlTemplate: row?.map ?? null, language: row?.lang ?? null };
  }

  /** Stores one kind's plan (null: back to the built-in default). */
  async setPlan(tenantId: string, kind: string, steps: unknown[] | null): Promise<void> {
    await this.pool.query(
      steps
        ? `UPDATE tenants SET settings = jsonb_set(settings, '{actionPlans}',
             COALESCE(settings->'actionPlans', '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb)) WHERE id = $1`
        : `UPDATE tenants SET settings = jsonb_set(settings, '{actionPlans}',
             COALESCE(settings->'actionPlans', '{}'::jsonb) - $2::text) WHERE id = $1`,
      steps ? [tenantId, kind, JSON.stringify(steps)] : [tenantId, kind],
    );
  }

  async setMapUrlTemplate(tenantId: string, template: string): Promise<void> {
    await this.pool.query(
      `UPDATE tenants SET settings = jsonb_set(settings, '{mapUrlTemplate}', to_jsonb($2::text)) WHERE id = $1`,
      [tenantId, template],
    );
  }

  async residentInstructions(tenantId: string, residentId: string): Promise<string[]> {
    const r = await this.pool.query<{ plan_instructions: string[] }>(
      `SELECT plan_instructions FROM residents WHERE id = $1 AND tenant_id = $2`,
      [residentId, tenantId],
    );
    return r.rows[0]?.plan_instructions ?? [];
  }
}
