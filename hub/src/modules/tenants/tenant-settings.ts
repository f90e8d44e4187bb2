/** Per-tenant time zone and alert rules, cached and refreshed from the database. */
import { DEFAULT_RULES, mergeRules, type AlertRules } from '../alerts/alert-rules.js';
import type { TenantsRepo } from './tenants.repo.js';

export class TenantSettings {
  private byId = new Map<string, { timeZone: string; rules: AlertRules }>();

  constructor(
    private readonly repo: TenantsRepo,
    private readonly defaultTimeZone: string,
  ) {}

  async refresh(): Promise<void> {
    const next = new Map<string, { timeZone: string; rules: AlertRules }>();
    for (const t of await this.repo.all()) {
      const settings = (t.settings ?? {}) as { alertRules?: unknown };
      next.set(t.id, { timeZone: t.timezone || this.defaultTimeZone, rules: mergeRules(settings.alertRules) });
    }
    this.byId = next;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  timeZone = (tenantId: string): string => this.byId.get(tenantId)?.timeZone ?? this.defaultTimeZone;
  rules = (tenantId: string): AlertRules => this.byId.get(tenantId)?.rules ?? DEFAULT_RULES;
}
