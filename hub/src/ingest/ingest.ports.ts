/** What ingest hands checked device messages to: the batch writers, the alarm pipeline and the outage spool. */
import type { ReadingRow, StatusRow } from '../modules/readings/readings.module.js';
import type { AlarmPipeline } from '../modules/alerts/alarm-pipeline.js';
import type { BatchWriter } from './batch-writer.js';
import type { DeadLetterRow } from './ingest.repo.js';
import type { EventSpool } from './spool.js';

export interface IngestWriters {
  readings: BatchWriter<ReadingRow>;
  statuses: BatchWriter<StatusRow>;
  deadLetters: BatchWriter<DeadLetterRow>;
}

/**
 * Where device messages go once checked: the alarm pipeline (modules/alerts/alarm-pipeline.ts).
 * `event` is awaited — the broker's acknowledgement waits until the event is stored and its alert
 * raised — and so is the whole degraded-mode hand-over; telemetry and status are handed over and
 * not waited for. One channel, typed by the pipeline itself, so go-to-definition lands there.
 */
export type AlarmSink = Pick<
  AlarmPipeline,
  'event' | 'announce' | 'settled' | 'provisional' | 'replayed' | 'telemetry' | 'status'
>;

/**
 * Degraded mode: when the database is unreachable, events go to a durable local spool (so the
 * broker can be acknowledged) and alarms are shown live as provisional (`AlarmSink.provisional`);
 * the spool is replayed through the normal exactly-once path when the database is back.
 */
export interface DegradedMode {
  spool: EventSpool;
  /**
   * The database is alive and working through its queue (the embedded database reports this):
   * an event not stored within the usual timeout, or whose pool connect timed out, is waited for
   * instead of spooled (see store-timeout.ts).
   */
  stillWorking?(): boolean;
}
