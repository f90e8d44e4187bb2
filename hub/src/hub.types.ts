/** What a running hub gives its caller (main.ts, the tests, the benchmark): see hub.ts. */
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { EventBus } from './bus.js';
import type { Database } from './db/client.js';
import type { HubIo } from './realtime/socket.js';
import type { AuthService } from './modules/auth/auth.service.js';
import type { ResidentsService } from './modules/residents/residents.service.js';
import type { InstitutionsService } from './modules/institutions/institutions.service.js';
import type { DevicesService } from './modules/devices/devices.service.js';
import type { DeviceRegistry } from './modules/devices/device-registry.js';
import type { IngestService } from './ingest/ingest.service.js';
import type { AlertsModule } from './modules/alerts/alerts.module.js';
import type { TenantSettings } from './modules/tenants/tenant-settings.js';
import type { MembersService } from './modules/timebank/members.service.js';
import type { LedgerService } from './modules/timebank/ledger.service.js';
import type { RequestsService } from './modules/timebank/requests.service.js';
import type { VisitsService } from './modules/visits/visits.service.js';
import type { MealsService } from './modules/meals/meals.service.js';
import type { OrdersService } from './modules/meals/orders.service.js';
import type { RunsService } from './modules/meals/runs.service.js';
import type { Dc09Module } from './modules/dc09/dc09.module.js';

export interface HubServices {
  auth: AuthService;
  residents: ResidentsService;
  institutions: InstitutionsService;
  devices: DevicesService;
  registry: DeviceRegistry;
  ingest: IngestService;
  /** The rule engine, the timed checks, the reads and the dispatcher's actions. */
  alerts: Pick<AlertsModule, 'engine' | 'checks' | 'views' | 'dispatch'>;
  tenants: TenantSettings;
  timebank: { members: MembersService; ledger: LedgerService; requests: RequestsService };
  visits: VisitsService;
  meals: { catalog: MealsService; orders: OrdersService; runs: RunsService };
  dc09: Dc09Module;
}

export interface Hub {
  config: Config;
  log: Logger;
  database: Database;
  httpPort: number;
  /** Port of the embedded broker; null with MQTT_URL. */
  mqttPort: number | null;
  mqttUrl: string;
  bus: EventBus;
  metrics: Metrics;
  services: HubServices;
  io: HubIo;
  /** Fans out and delivers due notifications now (normally every NOTIFY_POLL_MS). */
  deliverNotifications(): Promise<void>;
  /** Runs the timed alert steps now (cancel windows, escalations); normally every second. */
  tickAlerts(): Promise<void>;
  /** Runs the time-bank jobs now: auto-confirmation of unrated services, then expiry (normally on a schedule). */
  runTimebankJobs(): Promise<{ confirmed: number; expired: number }>;
  /** Runs the meal jobs now: tomorrow's orders, then missed pick-ups (normally on a schedule). */
  runMealJobs(): Promise<{ created: number; missed: number }>;
  /** Refreshes the vitals aggregates (normally done on a schedule). */
  refreshAggregates(): Promise<void>;
  /** Writes everything held in memory to the database now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
