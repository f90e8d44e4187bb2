/**
 * Email through a real SMTP server on loopback (the `smtp-server` package): a supervisor who chose
 * email gets the unacknowledged critical alarm as a message addressed to them, with the incident's
 * link and the notification id in a header; a mailbox the server refuses for good (550) makes the
 * message dead at once, visible on the incident's timeline, and never retried.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { SMTPServer } from 'smtp-server';
import type { Alert, NotificationInfo } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let smtp: SMTPServer;
let devices: DemoDevice[];
let dispatcher: string;
let supervisor: string;
const mails: Mail[] = [];
const clients: MqttClient[] = [];
const used = new Set<string>();

async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody@')) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return (smtp.server.address() as AddressInfo).port;
}

async function raiseSos(): Promise<Alert> {
  const d = devices.find((x) => x.type === 'sos_pendant' && x.residentId && !used.has(x.residentId))!;
  used.add(d.residentId!);
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  await c.publishAsync(
    `eldercare/v1/devices/${d.deviceId}/events`,
    JSON.stringify({ ts: now, eventId: `mail-${d.deviceId}-${now}`, type: 'sos' }),
    { qos: 1 },
  );
  return eventually(async () =>
    (
      await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${d.residentId}&state=all`, dispatcher)
    ).body.items.find((a) => a.deviceId === d.deviceId),
  );
}

const emailOf = async (alertId: string) =>
  (
    await hub.api<{ items: NotificationInfo[] }>('GET', `/api/alerts/${alertId}/notifications`, dispatcher)
  ).body.items.find((n) => n.channel === 'email');

beforeAll(async () => {
  const port = await startSmtp();
  hub = await startTestHub(
    {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'Alarm centre <alarm@centre.example>',
      NOTIFY_RETRY_BASE_MS: '200',
      NOTIFY_RETRY_MAX_MS: '1000',
      NOTIFY_POLL_MS: '100',
    },
    undefined,
    { clock },
  );
  devices = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')).devices;
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  supervisor = await hub.login('supervisor@demo.local', 'demo-supervisor-pass');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync()));
  await hub?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

describe('email notifications over a real SMTP server', () => {
  it('the channel is available and says it goes by SMTP', async () => {
    const r = await hub.api<{ channels: { channel: string; available: boolean; provider: string | null }[] }>(
      'GET',
      '/api/notifications/channels',
      supervisor,
    );
    expect(r.body.channels.find((c) => c.channel === 'email')).toMatchObject({ available: true, provider: 'smtp' });
  });

  it('an unacknowledged critical alarm reaches the supervisor by email, once', async () => {
    const p = await hub.api('PATCH', '/api/notifications/preferences', supervisor, {
      channels: ['email'],
      email: 'duty.supervisor@example.org',
    });
    expect(p.status).toBe(200);
    const alert = await raiseSos();
    now += 61_000;
    await hub.tickAlerts();
    const mail = await eventually(async () => {
      await hub.deliverNotifications();
      return mails.find((m) => m.to.includes('duty.supervisor@example.org'));
    }, 15_000);
    expect(mail.from).toBe('alarm@centre.example');
    expect(mail.raw).toMatch(/^X-Eldercare-Notification: [0-9a-f-]{36}\r?$/m);
    expect(mail.raw).toContain(alert.id); // the link to the incident
    const info = await eventually(async () => {
      const n = await emailOf(alert.id);
      return n?.status === 'sent' ? n : undefined;
    });
    expect(info.attempts).toBe(1);
    for (let i = 0; i < 3; i++) {
      now += 1000;
      await hub.deliverNotifications();
    }
    expect(mails.filter((m) => m.to.includes('duty.supervisor@example.org'))).toHaveLength(1);
  });

  it('a mailbox the server refuses for good makes the message dead at once, with the reason', async () => {
    await hub.api('PATCH', '/api/notifications/preferences', supervisor, { email: 'nobody@example.org' });
    const alert = await raiseSos();
    now += 61_000;
    await hub.tickAlerts();
    const dead = await eventually(async () => {
      await hub.deliverNotifications();
      const n = await emailOf(alert.id);
      return n?.status === 'dead' ? n : undefined;
    }, 15_000);
    expect(dead.attempts).toBe(1);
    expect(dead.error).toMatch(/550/);
    expect(mails.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
  });
});
