/**
 * The SIA DC-09 alarm receiver as one module: code tables, key vault, accounts API, the receiving
 * pipeline and (when DC09_TCP_PORT / DC09_UDP_PORT are set) its listeners and supervision timer.
 * Panels' events enter the hub through `deliver` — the MQTT ingest entry point — so they are
 * stored exactly once and raise alerts exactly like MQTT device events.
 */
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';
import type { Config } from '../../config.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import type { DeadLetterRow } from '../../ingest/ingest.module.js';
import type { DevicesService } from '../devices/devices.service.js';
import { Dc09AccountsService } from './accounts.service.js';
import { loadCodeTables } from './code-table.js';
import { Dc09Repo } from './dc09.repo.js';
import { dc09Routes } from './dc09.routes.js';
import { KeyVault } from './key-vault.js';
import { startListener, type Dc09Listener } from './listener.js';
import { Dc09Receiver } from './receiver.js';

export interface Dc09Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  devices: DevicesService;
  deliver(topic: string, payload: Buffer): void | Promise<void>;
  deadLetter(row: DeadLetterRow): Promise<void>;
  metrics: Registry;
  onError?(where: string): void;
}

export interface Dc09Module {
  accounts: Dc09AccountsService;
  receiver: Dc09Receiver;
  routes: ReturnType<typeof dc09Routes>;
  /** Bound ports (null when off). */
  tcpPort: number | null;
  udpPort: number | null;
  /** Reports the devices of supervised accounts silent past their interval as offline (normally every 5 s). */
  checkSupervision(): Promise<number>;
  close(): Promise<void>;
}

export async function startDc09(d: Dc09Deps): Promise<Dc09Module> {
  const tables = loadCodeTables();
  const vault = await KeyVault.open({ secret: d.config.DC09_KEY_SECRET, dataDir: d.config.dataDir });
  const repo = new Dc09Repo(d.db);
  const accounts = new Dc09AccountsService(repo, d.devices, vault, tables);
  const messages = new Counter({
    name: 'hub_dc09_messages_total',
    help: 'DC-09 frames received, by outcome (accepted, supervision, bad_frame, outside_window, …) and transport',
    labelNames: ['outcome', 'transport'] as const,
    registers: [d.metrics],
  });
  const receiver = new Dc09Receiver({
    accounts: repo,
    unseal: (s) => vault.unseal(s),
    tables,
    clock: d.clock,
    log: d.log,
    deliver: d.deliver,
    deadLetter: d.deadLetter,
    windowPastMs: d.config.DC09_WINDOW_PAST_SECONDS * 1000,
    windowFutureMs: d.config.DC09_WINDOW_FUTURE_SECONDS * 1000,
    onOutcome: (outcome, transport) => messages.inc({ outcome, transport }),
  });
  const checkSupervision = async () => {
    const silent = await repo.claimSilent(new Date(d.clock.now()));
    for (const s of silent) {
      d.log.warn({ deviceId: s.deviceId }, 'DC-09 supervision interval missed: device offline');
      await receiver.reportSilent(s.deviceId);
    }
    return silent.length;
  };

  let listener: Dc09Listener | null = null;
  let timer: NodeJS.Timeout | null = null;
  const { DC09_TCP_PORT: tcpPort, DC09_UDP_PORT: udpPort } = d.config;
  if (tcpPort !== undefined || udpPort !== undefined) {
    listener = await startListener({
      host: d.config.DC09_HOST,
      tcpPort,
      udpPort,
      handler: receiver,
      log: d.log,
      onError: d.onError,
    });
    d.log.info({ tcpPort: listener.tcpPort, udpPort: listener.udpPort }, 'DC-09 receiver listening');
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      checkSupervision()
        .catch((err: Error) => d.log.error({ err }, 'DC-09 supervision check failed'))
        .finally(() => (running = false));
    }, 5_000);
    timer.unref();
  }

  return {
    accounts,
    receiver,
    routes: dc09Routes(accounts),
    tcpPort: listener?.tcpPort ?? null,
    udpPort: listener?.udpPort ?? null,
    checkSupervision,
    async close() {
      if (timer) clearInterval(timer);
      await listener?.close();
    },
  };
}
