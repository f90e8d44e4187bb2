/** What the elder hears or reads on the device about their alarm: received, help arriving, closed. */
import { randomUUID } from 'node:crypto';
import type { DeviceCommand } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { MqttLink } from '../../mqtt/link.js';
import { deviceMessage, type Language } from '../notifications/messages.js';

export class DeviceCommands {
  constructor(
    private readonly d: {
      devices: Pick<MqttLink, 'publishCommand'>;
      clock: Clock;
      log: Logger;
      /** The district's language for messages to devices (default zh). */
      language?(tenantId: string): Language;
    },
  ) {}

  send(deviceId: string | null, type: DeviceCommand['type'], tenantId: string, alertId: string): Promise<void> {
    if (!deviceId) return Promise.resolve();
    // In the district's language: what the elder hears or reads on the device.
    const message = deviceMessage(type, this.d.language?.(tenantId) ?? 'zh');
    return this.d.devices
      .publishCommand(deviceId, { commandId: randomUUID(), ts: this.d.clock.now(), type, message, alertId })
      .catch((err: Error) => this.d.log.warn({ alertId, err }, 'device command not sent'));
  }
}
