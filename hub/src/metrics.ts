/** Prometheus metrics, served at /metrics. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m = {
    registry,
    notifySent: new Counter({
      name: 'hub_notifications_sent_total',
      help: 'Notifications the receiving end accepted, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    notifyFailed: new Counter({
      name: 'hub_notifications_failed_total',
      help: 'Failed notification attempts, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    notifyRetried: new Counter({
      name: 'hub_notifications_retried_total',
      help: 'Notifications scheduled for another try after a failure, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    notifyDead: new Counter({
      name: 'hub_notifications_dead_total',
      help: 'Notifications given up after N tries (shown on the dispatch board), by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    notifyLatency: new Histogram({
      name: 'hub_notification_delivery_seconds',
      help: 'From the change that caused a notification to its acceptance by the receiving end, by channel',
      labelNames: ['channel'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
      registers: [registry],
    }),
    messages: new Counter({
      name: 'hub_ingest_messages_total',
      help: 'Device messages accepted, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    rowsWritten: new Counter({
      name: 'hub_ingest_rows_written_total',
      help: 'Rows written to the database, by table',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'hub_dead_letters_total',
      help: 'Device messages refused and dead-lettered, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    duplicateEvents: new Counter({
      name: 'hub_duplicate_events_total',
      help: 'Redelivered device events recognised by eventId and ignored',
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'hub_ingest_queue_depth',
      help: 'Rows waiting to be written, by table',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: 'hub_ingest_batch_seconds',
      help: 'Time to write one batch',
      labelNames: ['table'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    dbErrors: new Counter({
      name: 'hub_db_errors_total',
      help: 'Failed database writes (they are retried)',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    mqttRefused: new Counter({
      name: 'hub_mqtt_refused_total',
      help: 'MQTT logins and topics refused by the embedded broker',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    mqttConnected: new Gauge({
      name: 'hub_mqtt_connected',
      help: '1 while the hub is connected to the MQTT broker',
      registers: [registry],
    }),
    mqttDisconnects: new Counter({
      name: 'hub_mqtt_disconnects_total',
      help: 'Times the hub lost its connection to the MQTT broker',
      registers: [registry],
    }),
    brokerDropped: new Gauge({
      name: 'hub_broker_messages_dropped',
      help: 'Messages the external MQTT broker dropped since it started because a subscriber queue or in-flight window was full (telemetry shed; alarms have a session and queue of their own). Mosquitto $SYS/broker/publish/messages/dropped',
      registers: [registry],
    }),
    ingestDropped: new Counter({
      name: 'hub_ingest_dropped_total',
      help: 'Rows dropped (oldest first) because the write queue was full while the database was failing',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    spooledEvents: new Counter({
      name: 'hub_events_spooled_total',
      help: 'Device events written to the local spool because the database was unreachable',
      registers: [registry],
    }),
    replayedEvents: new Counter({
      name: 'hub_events_replayed_total',
      help: 'Spooled device events replayed through the normal path after the database came back',
      registers: [registry],
    }),
    spoolDepth: new Gauge({
      name: 'hub_events_spool_depth',
      help: 'Device events in the local spool, not yet replayed',
      registers: [registry],
    }),
    earlyNotices: new Counter({
      name: 'hub_alarm_early_notices_total',
      help: 'Alarms announced to dispatch screens before they were stored (alert:incoming)',
      registers: [registry],
    }),
    provisionalAlerts: new Counter({
      name: 'hub_provisional_alerts_total',
      help: 'Alarms shown live as provisional while the database was unreachable',
      registers: [registry],
    }),
    peerTakeovers: new Counter({
      name: 'hub_peer_takeovers_total',
      help: 'MQTT sessions of silent peer hubs this hub took over (their queued messages processed here)',
      registers: [registry],
    }),
    peerSessionsHeld: new Gauge({
      name: 'hub_peer_sessions_held',
      help: 'Peer hub MQTT sessions this hub holds now',
      registers: [registry],
    }),
    mqttRateLimited: new Counter({
      name: 'hub_mqtt_rate_limited_total',
      help: 'Device publishes refused by the embedded broker because the device exceeded its budget',
      registers: [registry],
    }),
    loginRateLimited: new Counter({
      name: 'hub_login_rate_limited_total',
      help: 'Logins refused (429) because their source address made too many failed logins',
      registers: [registry],
    }),
    apiShed: new Counter({
      name: 'hub_api_shed_total',
      help: 'API reads answered 503 + Retry-After because too many were in progress (the alarm path and jobs go first)',
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'hub_job_failures_total',
      help: 'Scheduled jobs that failed, by job',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    jobSeconds: new Histogram({
      name: 'hub_job_seconds',
      help: 'Time one run of a scheduled job took, by job',
      labelNames: ['job'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    handlerErrors: new Counter({
      name: 'hub_handler_errors_total',
      help: 'Errors caught in message, bus and socket handlers',
      labelNames: ['where'] as const,
      registers: [registry],
    }),
  };
  return m;
}
export type Metrics = ReturnType<typeof createMetrics>;
