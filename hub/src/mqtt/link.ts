/**
 * The hub's MQTT connection as the modules see it before and after it exists: the modules are built
 * first (they must be ready for the first device message), the connection after; it is attached
 * here once open.
 */
import type { DeviceCommand } from '@eldercare/shared';
import type { HubMqtt } from './hub-client.js';

export class MqttLink {
  private mqtt: HubMqtt | null = null;

  attach(mqtt: HubMqtt): void {
    this.mqtt = mqtt;
  }

  get connected(): boolean {
    return this.mqtt?.connected ?? false;
  }

  /** A command to a device (QoS 1); throws while the hub has no MQTT connection yet. */
  async publishCommand(deviceId: string, command: DeviceCommand): Promise<void> {
    if (!this.mqtt) throw new Error('mqtt not connected');
    await this.mqtt.publishCommand(deviceId, command);
  }
}
