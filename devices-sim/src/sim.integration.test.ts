/**
 * The simulator against a real broker: the machine's Mosquitto (anonymous allowed) at
 * TEST_MQTT_URL or mqtt://127.0.0.1:1883. Skipped when no broker answers there.
 * 20 homes for 3 s; a separate subscriber checks that every message arrives on the expected
 * topics and validates against the shared schemas, that the last will fires for the device whose
 * connection drops, and that commands reach the devices.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAsync, type MqttClient } from 'mqtt';
import { parseTopic, schemaForKind, topicFor } from '@eldercare/shared';
import { runSimulation } from './sim.js';

const URL = process.env['TEST_MQTT_URL'] ?? 'mqtt://127.0.0.1:1883';
let observer: MqttClient | null = null;
try {
  observer = await connectAsync(URL, {
    connectTimeout: 2000,
    reconnectPeriod: 0,
    clientId: `sim-observer-${randomBytes(4).toString('hex')}`,
  });
} catch {
  observer = null;
}

describe.skipIf(!observer)(`simulator against ${URL}`, () => {
  const tag = `it${randomBytes(4).toString('hex')}`;
  const received: { topic: string; payload: Buffer; retain: boolean }[] = [];

  beforeAll(async () => {
    observer!.on('message', (topic, payload, packet) => {
      if (topic.split('/')[3]?.startsWith(`${tag}-`)) received.push({ topic, payload, retain: packet.retain });
    });
    await observer!.subscribeAsync('eldercare/v1/devices/+/+', { qos: 1 });
  });

  afterAll(async () => {
    if (!observer) return;
    // Leave the broker as we found it: clear the retained statuses of this run's devices.
    const ids = new Set(received.map((r) => r.topic.split('/')[3]!));
    await Promise.all(
      [...ids].map((id) => observer!.publishAsync(topicFor(id, 'status'), '', { qos: 1, retain: true })),
    );
    await observer.endAsync();
  });

  it('publishes valid telemetry, events and status on the device topics, fires the will, receives commands', async () => {
    const commandsSeen: string[] = [];
    let commander: MqttClient | null = null;
    const run = runSimulation({
      anonymous: true,
      mqttUrl: URL,
      homes: 20,
      seed: 7,
      tag,
      durationSec: 3,
      telemetryIntervalSec: 0.5,
      uniformTelemetry: true,
      scenarios: ['sos@500ms', 'fall@500ms:cancel=1s', 'offline@1s:target=h0002', 'bad@1500ms'],
      onCommand: (id, c) => commandsSeen.push(`${id}:${c.type}`),
    });
    // Send a command to one device while the run is on.
    setTimeout(() => {
      void (async () => {
        commander = await connectAsync(URL, { clientId: `sim-commander-${tag}` });
        await commander.publishAsync(
          topicFor(`${tag}-h0001-sos`, 'commands'),
          JSON.stringify({
            commandId: 'c-1',
            ts: Date.now(),
            type: 'alarm_received',
            message: '已收到，救援人员正在赶来',
          }),
          { qos: 1 },
        );
      })();
    }, 1200);
    const summary = await run;
    await new Promise((r) => setTimeout(r, 300)); // last messages in flight
    await (commander as MqttClient | null)?.endAsync();

    expect(summary.devices).toBeGreaterThan(80);
    expect(summary.connectedPeak).toBe(summary.devices);
    expect(summary.errors).toBe(0);
    expect(summary.commands).toBe(1);
    expect(commandsSeen).toEqual([`${tag}-h0001-sos:alarm_received`]);

    const byKind = { telemetry: 0, events: 0, status: 0 };
    let invalid = 0;
    const devicesSeen = new Set<string>();
    for (const m of received) {
      const t = parseTopic(m.topic);
      if (!t) continue; // the commands topic
      devicesSeen.add(t.deviceId);
      let body: unknown;
      try {
        body = JSON.parse(m.payload.toString('utf8'));
      } catch {
        invalid++;
        continue;
      }
      if (schemaForKind[t.kind].safeParse(body).success) byKind[t.kind]++;
      else invalid++;
    }
    // Only the deliberate bad payloads are invalid.
    expect(invalid).toBe(summary.published.bad);
    expect(summary.published.bad).toBeGreaterThan(15);
    expect(devicesSeen.size).toBe(summary.devices);
    expect(byKind.telemetry).toBe(summary.published.telemetry);
    expect(byKind.telemetry).toBeGreaterThan(summary.devices * 3);
    expect(byKind.events).toBe(summary.published.events);
    expect(summary.eventsByType['sos']).toBe(1);
    expect(summary.eventsByType['cancel']).toBe(1);
    // Status: online on connect, the will for the dropped device, offline on the clean stop.
    const statuses = received
      .filter((m) => m.topic.endsWith('/status'))
      .map((m) => ({ id: m.topic.split('/')[3]!, s: schemaForKind.status.safeParse(safeJson(m.payload)) }))
      .filter((x) => x.s.success)
      .map((x) => ({ id: x.id, s: x.s.data! }));
    const dropped = summary.scenarioLog.find((l) => l.includes('offline:'))!.match(/offline: (\S+)/)![1]!;
    const droppedStatuses = statuses.filter((x) => x.id === dropped).map((x) => x.s);
    expect(droppedStatuses[0]).toMatchObject({ online: true });
    expect(droppedStatuses).toContainEqual({ online: false }); // exactly the will, without ts
    const cleanOffline = statuses.filter((x) => x.s.online === false && typeof x.s.ts === 'number');
    expect(cleanOffline.length).toBe(summary.devices - 1);
  }, 20_000);
});

function safeJson(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return undefined;
  }
}
