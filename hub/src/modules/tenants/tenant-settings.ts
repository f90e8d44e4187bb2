/** Per-tenant time zone and alert rules, cached and refreshed from the database. */
import { DEFAULT_RULES, mergeRules, type AlertRules } from '../alerts/alert-rules.js';
import { DEFAULT_SLA_TARGETS, slaTargetsSchema, type SlaTargets } from '@eldercare/shared';
import type { TenantsRepo } from './tenants.repo.js';

export class TenantSettings {
  private byId = new Map<
    string,
    { timeZone: string; rules: AlertRules; language: 'zh' | 'en'; slaTargets: SlaTargets }
  >();

  constructor(
    private readonly repo: TenantsRepo,
    private readonly defaultTimeZone: string,
  ) {}

  async refresh(): Promise<void> {
    const next = new Map<
      string,
      { timeZone: string; rules: AlertRules; language: 'zh' | 'en'; slaTargets: SlaTargets }
    >();
    for (const t of await this.repo.all()) {
      const settings = (t.settings ?? {}) as { alertRules?: unknown; language?: unknown; slaTargets?: unknown };
      const targets = slaTargetsSchema.safeParse(settings.slaTargets);
      next.set(t.id, {
        timeZone: t.timezone || this.defaultTimeZone,
        rules: mergeRules(settings.alertRules),
        // Messages to people and devices: the district's language (settings.language), Chinese by default.
        language: settings.language === 'en' ? 'en' : 'zh',
        // SLA targets of the share acknowledged within 60 s / 180 s (settings.slaTargets).
        slaTargets: targets.success ? targets.data : DEFAULT_SLA_TARGETS,
      });
    }
    this.byId = next;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  timeZone = (tenantId: string): string => this.byId.get(tenantId)?.timeZone ?? this.defaultTimeZone;
  language = (tenantId: string): 'zh' | 'en' => this.byId.get(tenantId)?.language ?? 'zh';
  rules = (tenantId: string): AlertRules => this.byId.get(tenantId)?.rules ?? DEFAULT_RULES;
  slaTargets = (tenantId: string): SlaTargets => this.byId.get(tenantId)?.slaTargets ?? DEFAULT_SLA_TARGETS;

  /** Stores a tenant's SLA targets and takes them at once. */
  setSlaTargets = async (tenantId: string, targets: SlaTargets): Promise<void> => {
    await this.repo.setSetting(tenantId, 'slaTargets', targets);
    await this.refresh();
  };
}
