/**
 * Runs the hub's handler for one device message, then `ack` — also when the handler throws or its
 * promise rejects (logged): one bad message must never block a connection. Used by the embedded
 * broker (before the device's PUBACK) and by the hub's client of an external broker.
 */
import type { Logger } from '../logger.js';

export type DeviceMessageHandler = (topic: string, payload: Buffer) => void | Promise<void>;

export function handleThenAck(
  handler: DeviceMessageHandler,
  topic: string,
  payload: Buffer,
  log: Logger,
  ack: () => void,
): void {
  let result: void | Promise<void>;
  try {
    result = handler(topic, payload);
  } catch (err) {
    log.error({ err }, 'device message handler threw');
    return ack();
  }
  if (result instanceof Promise)
    result.then(ack, (err: unknown) => {
      log.error({ err }, 'device message handler failed');
      ack();
    });
  else ack();
}
