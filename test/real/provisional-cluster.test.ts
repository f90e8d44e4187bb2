/**
 * Provisional alarms (degraded mode) across hubs: the hub that spooled an alarm tells the others
 * through the socket.io Redis adapter, so a dashboard that (re)connects to ANOTHER hub during the
 * database outage is still shown it; the replay on the spooling hub clears it everywhere.
 * Two socket.io servers sharing the machine's Redis, each with the hub's own ProvisionalBoard.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProvisionalAlert, User } from '@eldercare/shared';
import { createLogger } from '../../hub/src/logger.js';
import { useRedisAdapter } from '../../hub/src/realtime/adapter.js';
import { ProvisionalBoard } from '../../hub/src/modules/alerts/provisional-board.js';
import { AlertsGateway } from '../../hub/src/modules/alerts/alerts.gateway.js';
import { LiveSockets } from '../../hub/src/realtime/live.js';
import type { HubIo } from '../../hub/src/realtime/socket.js';
import { eventually } from '../support/hub.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const tenantId = randomUUID();
const log = createLogger('warn');
const hubs: { io: HubIo; http: HttpServer; board: ProvisionalBoard; close: () => Promise<void> }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const http = createServer();
    const io: HubIo = new Server(http);
    const sockets = new LiveSockets();
    sockets.attach(io);
    const board = new ProvisionalBoard(new AlertsGateway(sockets));
    const close = await useRedisAdapter(io, REDIS_URL, log);
    board.listen();
    hubs.push({ io, http, board, close });
  }
});
afterAll(async () => {
  for (const h of hubs) {
    await new Promise<void>((r) => void h.io.close(() => r()));
    await h.close();
  }
});

const dispatcher: User = {
  id: randomUUID(),
  email: 'd@example.org',
  name: 'D',
  role: 'dispatcher',
  tenantId,
  institutionId: null,
  residentId: null,
};

it('an alarm spooled on hub A is shown by hub B to a connecting dispatcher, and cleared on both by A’s replay', async () => {
  const [a, b] = hubs as [(typeof hubs)[0], (typeof hubs)[0]];
  const alert: ProvisionalAlert = {
    id: `pendant-1:${randomUUID()}`,
    deviceId: 'pendant-1',
    eventId: randomUUID(),
    type: 'sos',
    kind: 'sos',
    severity: 'critical',
    title: 'SOS',
    residentId: null,
    residentName: null,
    institutionId: null,
    ts: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
  };
  a.board.add(alert, tenantId);
  await eventually(async () => b.board.visibleTo(dispatcher).some((p) => p.id === alert.id), 5_000, 50);
  // Another tenant's dispatcher does not see it on either hub.
  expect(b.board.visibleTo({ ...dispatcher, tenantId: randomUUID() })).toEqual([]);

  a.board.clear([alert.id]);
  expect(a.board.visibleTo(dispatcher)).toEqual([]);
  await eventually(async () => b.board.visibleTo(dispatcher).length === 0, 5_000, 50);
});
