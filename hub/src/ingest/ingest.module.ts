/**
 * Ingest as a module: the batch writers of readings, statuses and dead letters, the outage spool,
 * and the service every device message goes through (ingest.service.ts), handing alarms to the
 * alarm pipeline. Its jobs replay the spool and record the devices' latest state every second.
 */
import path from 'node:path';
import type { HubContext } from '../modules/module.js';
import type { EmbeddedDatabase } from '../db/embedded.js';
import { PriorityGate } from '../db/priority-gate.js';
import type { DeviceRegistry } from '../modules/devices/device-registry.js';
import type { ReadingRow, ReadingsModule, StatusRow } from '../modules/readings/readings.module.js';
import { BatchWriter } from './batch-writer.js';
import { IngestRepo, type DeadLetterRow } from './ingest.repo.js';

export type { DeadLetterRow };
import { IngestService } from './ingest.service.js';
import type { AlarmSink } from './ingest.ports.js';
import { EventSpool } from './spool.js';
import type { EventBus } from '../bus.js';

export async function createIngestModule(
  ctx: HubContext,
  d: {
    registry: DeviceRegistry;
    readings: Pick<ReadingsModule, 'writeReadings' | 'writeStatuses'>;
    alarms: AlarmSink;
    bus: EventBus;
    embedded: EmbeddedDatabase | null;
    /** A trivial query that throws while the database is unreachable. */
    probe(): Promise<unknown>;
  },
) {
  const { config, metrics, clock, database } = ctx;
  const log = ctx.log.child({ mod: 'ingest' });
  const repo = new IngestRepo(database.db);
  // Events are stored on the alarm path (ahead of telemetry batches on the embedded database).
  const eventRepo = new IngestRepo(database.urgent);
  const priority = new PriorityGate();
  const poisoned: DeadLetterRow[] = [];
  const writer = <T>(name: string, write: (rows: T[]) => Promise<void>) =>
    new BatchWriter<T>({
      name,
      batchSize: config.INGEST_BATCH_SIZE,
      maxQueued: config.INGEST_QUEUE_MAX,
      flushMs: config.INGEST_FLUSH_MS,
      write,
      log,
      onWritten: (n, s) => {
        metrics.rowsWritten.inc({ table: name }, n);
        metrics.batchSeconds.observe({ table: name }, s);
      },
      onError: () => metrics.dbErrors.inc({ table: name }),
      onDrop: (n) => metrics.ingestDropped.inc({ table: name }, n),
      onDepth: (depth) => metrics.queueDepth.set({ table: name }, depth),
      ...(database.embedded ? { yieldTo: () => priority.idle() } : {}),
      onPoison: (row, err) => {
        metrics.deadLetters.inc({ reason: 'refused by database' });
        ctx.log.error({ table: name, err }, 'row refused by the database; set aside');
        if (name !== 'dead_letters') {
          poisoned.push({
            receivedAt: new Date(clock.now()),
            topic: `db:${name}`,
            deviceId: (row as { deviceId?: string }).deviceId ?? null,
            reason: `refused by database: ${(err as Error).message}`.slice(0, 1000),
            payload: JSON.stringify(row).slice(0, 4096),
          });
        }
      },
    });
  const writers = {
    readings: writer<ReadingRow>('readings', d.readings.writeReadings),
    statuses: writer<StatusRow>('device_status', d.readings.writeStatuses),
    deadLetters: writer<DeadLetterRow>('dead_letters', (rows) => repo.insertDeadLetters(rows)),
  };
  // Degraded mode: events spooled on disk while the database is unreachable, shown live as provisional.
  const spool = new EventSpool(path.join(config.dataDir, 'spool'), ctx.log.child({ mod: 'spool' }));
  await spool.init();
  ctx.closing.push(() => spool.close());
  const embedded = d.embedded;
  const service = new IngestService(d.registry, writers, eventRepo, d.bus, metrics, clock, log, d.alarms, {
    spool,
    // The embedded database is local: while its worker answers requests it is busy, not unreachable.
    ...(embedded ? { stillWorking: () => embedded.progressing() } : {}),
  });
  const flushDeviceStates = async () => {
    try {
      await d.registry.recordStates(service.takeDeviceStates());
    } catch (err) {
      metrics.dbErrors.inc({ table: 'devices' });
      ctx.log.error({ err }, 'device state update failed');
    }
  };
  ctx.closing.push(async () => {
    await Promise.all(Object.values(writers).map((w) => w.close()));
    await flushDeviceStates();
  });
  ctx.scheduler.every(1000, 'spool-replay', async () => {
    metrics.spoolDepth.set(spool.size);
    if (service.spooling) await service.replaySpool(d.probe);
  });
  ctx.scheduler.every(1000, 'device-state', async () => {
    // Rows the database refused go to the dead letters (outside the write that refused them).
    for (const r of poisoned.splice(0)) writers.deadLetters.push(r);
    await flushDeviceStates();
  });
  return {
    service,
    /** Alarms go ahead of telemetry batches on the embedded database's single session. */
    priority,
    /** Where urgent messages of other receivers (DC-09) enter: as a device event over MQTT would. */
    deliverUrgent: (topic: string, payload: Buffer) => priority.urgent(() => service.handle(topic, payload)),
    /** Sets a message aside where an operator sees it (on the alarm path's session). */
    deadLetter: (row: DeadLetterRow) => eventRepo.insertDeadLetters([row]),
    /** The dead letters, for the API. */
    deadLetters: repo,
    /** Writes everything held in memory to the database now. */
    flush: async () => {
      await Promise.all(Object.values(writers).map((w) => w.flush()));
      await flushDeviceStates();
    },
  };
}
export type IngestModule = Awaited<ReturnType<typeof createIngestModule>>;
