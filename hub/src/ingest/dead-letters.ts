/** Bad device input set aside with its reason (counted, logged without the payload, written in batches). */
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { BatchWriter } from './batch-writer.js';
import type { DeadLetterRow } from './ingest.repo.js';

const MAX_STORED_PAYLOAD = 4096;

export class DeadLetters {
  constructor(
    private readonly writer: BatchWriter<DeadLetterRow>,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Sets a message aside; a promise only when the writer's queue is full (back-pressure). */
  put(topic: string, deviceId: string | null, reason: string, payload: Buffer): void | Promise<void> {
    const reasonLabel = reason.startsWith('invalid ') ? reason.split(':')[0]! : reason.replace(/ \(.*\)$/, '');
    this.metrics.deadLetters.inc({ reason: reasonLabel });
    this.log.debug({ topic: topic.slice(0, 200), deviceId, reason }, 'dead letter');
    const room = this.writer.push({
      receivedAt: new Date(this.clock.now()),
      topic: topic.slice(0, 512).replaceAll('\u0000', '\uFFFD'),
      deviceId: deviceId?.slice(0, 64).replaceAll('\u0000', '\uFFFD') ?? null,
      reason: reason.slice(0, 1000).replaceAll('\u0000', '\uFFFD'),
      payload: payload.subarray(0, MAX_STORED_PAYLOAD).toString('utf8').replaceAll('\u0000', '\uFFFD'),
    });
    if (!room) return this.writer.waitForSpace();
  }
}
