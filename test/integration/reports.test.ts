/**
 * Incident history, the SLA report and shift handover on the real embedded database, with the
 * hub's clock injected: a scripted set of incidents of a district of their own (explicit hub times
 * around the boundaries of 60 s, 180 s and of the local month) gives exact expected shares; the
 * history filters and its CSV (well-formed, formulas defused); a supervisor's reason for an SLA
 * exception; a handover written, refused to its author, acknowledged once by the next shift.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Handover,
  HandoverDraft,
  HandoverPage,
  HistoryPage,
  OnDuty,
  ServerToClientEvents,
  SlaReport,
} from '@eldercare/shared';
import { otherDistrictCoordinator, startTestHub, type TestHub } from '../support/hub.js';

/** 2026-12-01 12:00 in Shanghai. */
let now = Date.parse('2026-12-01T04:00:00Z');
const clock = { now: () => now };
let hub: TestHub;
let tenantId: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const alert: Record<string, string> = {};
let otherToken: string;
let otherTenantId: string;
const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];

/** A minimal RFC 4180 reader: rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '"') throw new Error(`stray quote at ${i}`);
    else field += ch;
  }
  if (field || row.length) throw new Error('last row not terminated by CRLF');
  return rows;
}

const api = <T>(method: string, url: string, who: string, body?: unknown) => hub.api<T>(method, url, tokens[who], body);

/** Local Shanghai time → the instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

async function user(key: string, role: string, extra: Record<string, unknown> = {}) {
  const email = `${key}@reports.local`;
  const u = await hub.services.auth.createUser(tenantId, {
    email,
    name: extra.name as string,
    password: `${key}-test-pass`,
    role: role as 'dispatcher',
    ...(extra.institutionId ? { institutionId: extra.institutionId as string } : {}),
  });
  ids[key] = u.id;
  tokens[key] = await hub.login(email, `${key}-test-pass`);
}

async function resident(key: string, name: string, community: string, institutionId: string | null) {
  const r = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO residents (tenant_id, name, birth_date, sex, community, institution_id)
     VALUES ($1, $2, '1940-01-01', 'female', $3, $4) RETURNING id`,
    [tenantId, name, community, institutionId],
  );
  ids[key] = r.rows[0]!.id;
}

/** An incident with explicit hub times: `ack`/`close` in seconds after it opened. */
async function incident(
  key: string,
  o: {
    opened: Date;
    ack?: number;
    by?: string;
    close?: number | null;
    resident?: string;
    queue?: 'emergency' | 'device_health';
    kind?: string;
    status?: string;
    outcome?: string | null;
    title?: string;
    device?: string;
    institution?: string;
  },
) {
  const at = (s: number | undefined | null) =>
    s === undefined || s === null ? null : new Date(o.opened.getTime() + s * 1000);
  const closed = o.close === null ? null : at(o.close ?? (o.ack ?? 0) + 600);
  const status = o.status ?? (closed ? 'resolved' : o.ack !== undefined ? 'acknowledged' : 'open');
  const r = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO alerts (tenant_id, resident_id, institution_id, device_id, subject_key, queue, kind, kinds, severity,
                         priority, status, title, created_at, occurred_at, opened_at, acknowledged_at, acknowledged_by,
                         closed_at, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY[$7], $8, 3, $9, $10, $11, $11, $11, $12, $13, $14, $15) RETURNING id`,
    [
      tenantId,
      o.resident ? ids[o.resident] : null,
      o.institution ? ids[o.institution] : null,
      o.device ?? null,
      `test:${key}`,
      o.queue ?? 'emergency',
      o.kind ?? 'sos',
      o.queue === 'device_health' ? 'medium' : 'critical',
      status,
      o.title ?? `incident ${key}`,
      o.opened,
      at(o.ack),
      o.ack !== undefined ? ids[o.by ?? 'd1'] : null,
      closed,
      status === 'resolved' ? (o.outcome ?? 'helped_at_home') : (o.outcome ?? null),
    ],
  );
  alert[key] = r.rows[0]!.id;
}

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { clock });
  const t = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO tenants (name, timezone) VALUES ('Reports district', 'Asia/Shanghai') RETURNING id`,
  );
  tenantId = t.rows[0]!.id;
  await hub.services.tenants.refresh();
  const inst = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO institutions (tenant_id, name) VALUES ($1, '幸福院') RETURNING id`,
    [tenantId],
  );
  ids.home = inst.rows[0]!.id;
  await user('admin', 'admin', { name: 'Admin R' });
  await user('d1', 'dispatcher', { name: '调度员 甲' });
  await user('d2', 'dispatcher', { name: '调度员 乙' });
  await user('d3', 'dispatcher', { name: '调度员 丙' });
  await user('sup', 'supervisor', { name: '主任 丁' });
  await user('coord', 'coordinator', { name: '协调员 戊' });
  await user('staff', 'institution_staff', { name: '护士 己', institutionId: ids.home });
  ({ token: otherToken, tenantId: otherTenantId } = await otherDistrictCoordinator(hub));

  await resident('A', '张三', '东区', null);
  await resident('B', '李四', '西区', ids.home!);
  await resident('C', '=HYPERLINK("http://evil")', '东区', null);

  // Scripted November (Shanghai) emergencies: 8 count, 3 within 60 s, 5 within 180 s, 3 exceptions.
  await incident('i1', { opened: sh('2026-11-02T09:00:00'), ack: 30, by: 'd1', resident: 'A', device: 'pendant-a' });
  await incident('i2', { opened: sh('2026-11-02T10:00:00'), ack: 60, by: 'd1', resident: 'A' });
  await incident('i3', { opened: sh('2026-11-03T11:00:00'), ack: 61, by: 'd2', resident: 'A', kind: 'fall' });
  await incident('i4', { opened: sh('2026-11-03T12:00:00'), ack: 180, by: 'd2', resident: 'A' });
  await incident('i5', { opened: sh('2026-11-04T13:00:00'), ack: 181, by: 'd1', resident: 'B', institution: 'home' });
  await incident('i6', {
    opened: sh('2026-11-04T14:00:00'),
    ack: 400,
    by: 'd2',
    resident: 'B',
    institution: 'home',
    outcome: 'false_alarm',
  });
  // Never acknowledged, closed 200 s after opening: an exception, in neither share.
  await incident('i7', { opened: sh('2026-11-04T15:00:00'), close: 200, resident: 'B', institution: 'home' });
  // Cancelled by the elder before anyone acknowledged: not counted.
  await incident('i8', { opened: sh('2026-11-05T08:00:00'), close: 20, status: 'cancelled', resident: 'A' });
  // Device health: not counted.
  await incident('i9', { opened: sh('2026-11-05T09:00:00'), ack: 10, queue: 'device_health', kind: 'low_battery' });
  // Outside the local month (the second is 30 November by UTC, 1 December in Shanghai).
  await incident('i10', { opened: sh('2026-10-31T23:59:00'), ack: 20, by: 'd1', resident: 'A' });
  await incident('i11', { opened: sh('2026-12-01T00:00:10'), ack: 45, by: 'd1', resident: 'A' });
  // The second ISO week of the month.
  await incident('i12', { opened: sh('2026-11-10T09:00:00'), ack: 5, by: 'd1', resident: 'B', institution: 'home' });
  // A closed device-health item whose resident's name and title a spreadsheet would run as formulas.
  await incident('i13', {
    opened: sh('2026-11-06T09:00:00'),
    ack: 15,
    queue: 'device_health',
    kind: 'device_offline',
    resident: 'C',
    title: '@SUM(1,2) line one\nline "two", end',
  });
  // Open now (handover).
  await incident('i14', { opened: new Date(now - 5 * 60_000), close: null, resident: 'A', kind: 'sos' });
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await hub?.stop();
});

describe('SLA report', () => {
  it('gives the exact shares of a scripted month, per week, dispatcher and community, with the default targets', async () => {
    const r = await api<SlaReport>('GET', '/api/reports/sla?month=2026-11&period=week', 'coord');
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.timezone).toBe('Asia/Shanghai');
    expect(s.from).toBe('2026-10-31T16:00:00.000Z');
    expect(s.to).toBe('2026-11-30T16:00:00.000Z');
    expect(s.targets).toEqual({ within60: 0.975, within180: 0.99 });
    expect([s.total, s.ackWithin60, s.ackWithin180]).toEqual([8, 3, 5]);
    expect(s.shareWithin60).toBe(0.375);
    expect(s.shareWithin180).toBe(0.625);
    // Acknowledged: 5, 30, 60, 61, 180, 181, 400 → median 61.
    expect(s.medianAckSeconds).toBe(61);
    expect(s.byPeriod.map(({ period, total, within60, within180 }) => [period, total, within60, within180])).toEqual([
      ['2026-11-02', 7, 2, 4],
      ['2026-11-09', 1, 1, 1],
    ]);
    expect(s.byDay.map((d) => [d.day, d.total, d.within60, d.within180])).toEqual([
      ['2026-11-02', 2, 2, 2],
      ['2026-11-03', 2, 0, 2],
      ['2026-11-04', 3, 0, 0],
      ['2026-11-10', 1, 1, 1],
    ]);
    expect(s.byDispatcher.map((d) => [d.name, d.total, d.within60, d.within180])).toEqual([
      ['调度员 甲', 4, 3, 3],
      ['调度员 乙', 3, 0, 2],
    ]);
    expect(s.byCommunity.map((d) => [d.community, d.total, d.within60, d.within180])).toEqual([
      ['东区', 4, 2, 4],
      ['西区', 4, 1, 1],
    ]);
    expect(s.over180.map((e) => [e.id, e.ackSeconds, e.residentName, e.dispatcherName])).toEqual([
      [alert.i5, 181, '李四', '调度员 甲'],
      [alert.i6, 400, '李四', '调度员 乙'],
      [alert.i7, null, '李四', null],
    ]);
    const monthly = await api<SlaReport>('GET', '/api/reports/sla?month=2026-11&period=month', 'd1');
    expect(monthly.body.byPeriod).toEqual([
      { period: '2026-11', total: 8, within60: 3, within180: 5, medianAckSeconds: 61 },
    ]);
  });

  it('takes targets set per district by an admin only', async () => {
    expect((await api('PUT', '/api/reports/sla/targets', 'sup', { within60: 0.9, within180: 0.95 })).status).toBe(403);
    expect((await api('PUT', '/api/reports/sla/targets', 'admin', { within60: 1.5, within180: 0.95 })).status).toBe(
      400,
    );
    const put = await api('PUT', '/api/reports/sla/targets', 'admin', { within60: 0.9, within180: 0.95 });
    expect(put.status).toBe(200);
    const r = await api<SlaReport>('GET', '/api/reports/sla?month=2026-11', 'd1');
    expect(r.body.targets).toEqual({ within60: 0.9, within180: 0.95 });
    // Another district keeps its own (the defaults).
    const other = await hub.api<SlaReport>('GET', '/api/reports/sla?month=2026-11', otherToken);
    expect(other.body.targets).toEqual({ within60: 0.975, within180: 0.99 });
    expect(other.body.total).toBe(0);
  });

  it('lets a supervisor record why an exception took longer, shown in the report and kept in the audit trail', async () => {
    const url = (k: string) => `/api/reports/sla/exceptions/${alert[k]}/reason`;
    expect((await api('POST', url('i5'), 'd1', { reason: 'x' })).status).toBe(403);
    expect((await api('POST', url('i5'), 'sup', { reason: '  ' })).status).toBe(400);
    expect((await api('POST', url('i1'), 'sup', { reason: 'not late' })).status).toBe(409);
    expect((await api('POST', url('i9'), 'sup', { reason: 'device health' })).status).toBe(409);
    expect(
      (
        await api('POST', `/api/reports/sla/exceptions/00000000-0000-4000-8000-000000000000/reason`, 'sup', {
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await hub.api('POST', url('i5'), otherToken, { reason: 'x' })).status).toBe(403);
    now += 1000;
    expect((await api('POST', url('i5'), 'sup', { reason: 'first guess' })).status).toBe(204);
    now += 1000;
    expect((await api('POST', url('i5'), 'sup', { reason: '两个报警同时到达，先处理了火警' })).status).toBe(204);
    const r = await api<SlaReport>('GET', '/api/reports/sla?month=2026-11', 'coord');
    const e = r.body.over180.find((x) => x.id === alert.i5)!;
    expect(e.reason).toEqual({
      text: '两个报警同时到达，先处理了火警',
      by: '主任 丁',
      at: new Date(now).toISOString(),
    });
    expect(r.body.over180.find((x) => x.id === alert.i6)!.reason).toBeNull();
    const detail = await api<{ actions: { action: string; note: string }[] }>('GET', `/api/alerts/${alert.i5}`, 'sup');
    expect(detail.body.actions.filter((a) => a.action === 'sla_reason').map((a) => a.note)).toEqual([
      'first guess',
      '两个报警同时到达，先处理了火警',
    ]);
  });

  it('exports each table as one well-formed CSV', async () => {
    const res = await fetch(`${hub.base}/api/reports/sla.csv?month=2026-11&period=week&table=periods`, {
      headers: { authorization: `Bearer ${tokens.coord}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      [
        'week',
        'total',
        'within_60s',
        'within_180s',
        'share_60s',
        'share_180s',
        'median_ack_s',
        'target_60s',
        'target_180s',
      ],
      // Week one acknowledged after 30, 60, 61, 180, 181 and 400 s: median 120.5.
      ['2026-11-02', '7', '2', '4', '0.2857', '0.5714', '121', '0.9', '0.95'],
      ['2026-11-09', '1', '1', '1', '1.0000', '1.0000', '5', '0.9', '0.95'],
      ['all', '8', '3', '5', '0.3750', '0.6250', '61', '0.9', '0.95'],
    ]);
    const ex = parseCsv(
      (await api<string>('GET', '/api/reports/sla.csv?month=2026-11&table=exceptions', 'coord')).body.replace(
        /^\uFEFF/,
        '',
      ),
    );
    expect(ex).toHaveLength(4);
    expect(ex[1]!.slice(2, 8)).toEqual([
      '2026-11-04 13:00:00',
      '2026-11-04 13:03:01',
      'Asia/Shanghai',
      '181',
      'sos',
      '李四',
    ]);
    expect(ex[1]![10]).toBe('两个报警同时到达，先处理了火警');
    expect((await api('GET', '/api/reports/sla.csv?table=nope', 'coord')).status).toBe(400);
    expect((await api('GET', '/api/reports/sla?month=2026-13', 'coord')).status).toBe(400);
  });
});

describe('incident history', () => {
  const page = (q: string, who = 'coord') => api<HistoryPage>('GET', `/api/incidents/history?${q}`, who);
  const keysOf = (p: HistoryPage) =>
    p.items.map((i) => Object.entries(alert).find(([, id]) => id === i.id)?.[0] ?? i.id);

  it('lists every closed incident of the district, newest first, never the open one', async () => {
    const r = await page('limit=50');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(13);
    expect(keysOf(r.body)).toEqual(['i11', 'i12', 'i13', 'i9', 'i8', 'i7', 'i6', 'i5', 'i4', 'i3', 'i2', 'i1', 'i10']);
    const i5 = r.body.items.find((i) => i.id === alert.i5)!;
    expect(i5).toMatchObject({
      residentName: '李四',
      community: '西区',
      institutionName: '幸福院',
      acknowledgedByName: '调度员 甲',
      ackSeconds: 181,
      overSla: true,
      outcome: 'helped_at_home',
      source: 'system',
    });
    expect(r.body.items.find((i) => i.id === alert.i8)!.outcome).toBe('cancelled');
    // Another district sees none of it.
    expect((await hub.api<HistoryPage>('GET', '/api/incidents/history', otherToken)).body.total).toBe(0);
  });

  it('filters by elder, kind, source, outcome, dispatcher, date range and over-SLA, and pages', async () => {
    expect(keysOf((await page(`residentId=${ids.A}`)).body)).toEqual(['i11', 'i8', 'i4', 'i3', 'i2', 'i1', 'i10']);
    expect(keysOf((await page(`q=${encodeURIComponent('李四')}`)).body)).toEqual(['i12', 'i7', 'i6', 'i5']);
    expect(keysOf((await page('kind=fall')).body)).toEqual(['i3']);
    expect(keysOf((await page('source=device')).body)).toEqual(['i1']);
    expect((await page('source=system')).body.total).toBe(12);
    expect(keysOf((await page('outcome=cancelled')).body)).toEqual(['i8']);
    expect(keysOf((await page('outcome=false_alarm')).body)).toEqual(['i6']);
    expect(keysOf((await page(`dispatcherId=${ids.d2}`)).body)).toEqual(['i6', 'i4', 'i3']);
    expect(keysOf((await page('from=2026-11-04&to=2026-11-05')).body)).toEqual(['i9', 'i8', 'i7', 'i6', 'i5']);
    expect((await page('from=2026-11-01&to=2026-11-30')).body.total).toBe(11);
    expect(keysOf((await page('overSla=true')).body)).toEqual(['i7', 'i6', 'i5']);
    expect(keysOf((await page(`overSla=true&dispatcherId=${ids.d1}`)).body)).toEqual(['i5']);
    const p2 = await page('limit=3&offset=3');
    expect(p2.body.total).toBe(13);
    expect(keysOf(p2.body)).toEqual(['i9', 'i8', 'i7']);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const foreign = await hub.database.pool.query<{ id: string }>(
      `INSERT INTO residents (tenant_id, name, birth_date, sex) VALUES ($1, 'Other', '1940-01-01', 'male') RETURNING id`,
      [otherTenantId],
    );
    const r = await page(`residentId=${foreign.rows[0]!.id}`);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('residentId');
    const u = await page(`dispatcherId=00000000-0000-4000-8000-000000000000`);
    expect(u.status).toBe(400);
    expect(JSON.stringify(u.body)).toContain('dispatcherId');
    expect((await page('kind=nope')).status).toBe(400);
    expect((await page('from=yesterday')).status).toBe(400);
    const far = await page('to=9999-12-31');
    expect(far.status).toBe(400);
    expect(JSON.stringify(far.body)).toContain('to');
    expect((await page('limit=0')).status).toBe(400);
  });

  it('lists the people who acknowledged incidents, for the dispatcher filter', async () => {
    const r = await api<{ items: { id: string; name: string }[] }>('GET', '/api/incidents/history/dispatchers', 'd3');
    expect(r.body.items).toEqual([
      { id: ids.d1, name: '调度员 甲' },
      { id: ids.d2, name: '调度员 乙' },
    ]);
  });

  it("shows institution staff their institution's incidents only", async () => {
    const r = await page('limit=50', 'staff');
    expect(r.status).toBe(200);
    expect(keysOf(r.body)).toEqual(['i12', 'i7', 'i6', 'i5']);
  });

  it('exports the filtered history as one well-formed CSV with formulas defused', async () => {
    const res = await fetch(`${hub.base}/api/incidents/history.csv?from=2026-11-01&to=2026-11-30`, {
      headers: { authorization: `Bearer ${tokens.coord}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('incident-history.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a byte-order mark, so spreadsheet programs read Chinese names correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows).toHaveLength(12);
    const head = rows[0]!;
    expect(rows.every((r) => r.length === head.length)).toBe(true);
    const col = (r: string[], name: string) => r[head.indexOf(name)];
    const i13 = rows.find((r) => col(r, 'id') === alert.i13)!;
    expect(col(i13, 'resident')).toBe(`'=HYPERLINK("http://evil")`);
    expect(col(i13, 'title')).toBe(`'@SUM(1,2) line one\nline "two", end`);
    const i5 = rows.find((r) => col(r, 'id') === alert.i5)!;
    expect(col(i5, 'raised_at')).toBe('2026-11-04 13:00:00');
    expect(col(i5, 'acknowledged_at')).toBe('2026-11-04 13:03:01');
    expect(col(i5, 'ack_seconds')).toBe('181');
    expect(col(i5, 'over_sla')).toBe('yes');
    // The same filters as the list.
    const only = parseCsv(
      (await api<string>('GET', '/api/incidents/history.csv?overSla=true', 'coord')).body.replace(/^\uFEFF/, ''),
    );
    expect(only.slice(1).map((r) => col(r, 'id'))).toEqual([alert.i7, alert.i6, alert.i5]);
  });
});

describe('shift handover', () => {
  let handover: Handover;

  it('drafts what the shift hands over: the incidents open now and what happened since the shift began', async () => {
    const r = await api<HandoverDraft>('GET', '/api/shifts/handover-draft', 'd1');
    expect(r.status).toBe(200);
    expect(r.body.openIncidents.map((i) => i.id)).toEqual([alert.i14]);
    // No handover yet: the last 12 hours (i11 at local midnight, i14 five minutes ago and not acknowledged yet).
    expect(r.body.summary.from).toBe(new Date(now - 12 * 3600_000).toISOString());
    expect(r.body.summary).toMatchObject({ raised: 2, emergencies: 2, closed: 1, overSla: 1 });
    expect(r.body.summary.notable.map((i) => i.id)).toEqual([alert.i11, alert.i14]);
  });

  it('is written by the outgoing dispatcher and acknowledged once by the incoming one', async () => {
    expect((await api('POST', '/api/shifts/handovers', 'coord', { note: 'x' })).status).toBe(403);
    expect((await api('POST', '/api/shifts/handovers', 'd1', { note: ' ' })).status).toBe(400);
    const foreign = await api('POST', '/api/shifts/handovers', 'd1', { note: 'x', toUserId: ids.coord });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('toUserId');
    const created = await api<Handover>('POST', '/api/shifts/handovers', 'd1', {
      note: '14号 sos 已联系家属，等回电',
      toUserId: ids.d2,
    });
    expect(created.status).toBe(201);
    handover = created.body;
    expect(handover).toMatchObject({
      fromUserName: '调度员 甲',
      toUserName: '调度员 乙',
      createdAt: new Date(now).toISOString(),
      acknowledgedAt: null,
    });
    expect(handover.openIncidents.map((i) => i.id)).toEqual([alert.i14]);
    const duty = await api<OnDuty>('GET', '/api/shifts/on-duty', 'sup');
    expect(duty.body.pendingHandoverId).toBe(handover.id);

    const ack = (who: string, body: unknown = {}) =>
      api<Handover>('POST', `/api/shifts/handovers/${handover.id}/acknowledge`, who, body);
    expect((await ack('d1')).status).toBe(409);
    expect((await ack('d3')).status).toBe(403);
    expect((await hub.api('POST', `/api/shifts/handovers/${handover.id}/acknowledge`, otherToken, {})).status).toBe(
      403,
    );
    now += 90_000;
    const done = await ack('d2', { note: '收到' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      acknowledgedAt: new Date(now).toISOString(),
      acknowledgedByName: '调度员 乙',
      acknowledgeNote: '收到',
    });
    expect((await ack('sup')).status).toBe(409);
    const after = await api<OnDuty>('GET', '/api/shifts/on-duty', 'd1');
    expect(after.body.shift).toEqual({ userId: ids.d2, name: '调度员 乙', since: new Date(now).toISOString() });
    expect(after.body.pendingHandoverId).toBeNull();
  });

  it('keeps a history of handovers per district, and the next shift starts from the last handover', async () => {
    const list = await api<HandoverPage>('GET', '/api/shifts/handovers', 'coord');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]!.id).toBe(handover.id);
    expect((await hub.api<HandoverPage>('GET', '/api/shifts/handovers', otherToken)).body.total).toBe(0);
    expect((await hub.api('GET', `/api/shifts/handovers/${handover.id}`, otherToken)).status).toBe(404);
    expect((await api('GET', `/api/shifts/handovers/${handover.id}`, 'staff')).status).toBe(403);
    const draft = await api<HandoverDraft>('GET', '/api/shifts/handover-draft', 'd2');
    expect(draft.body.summary.from).toBe(handover.createdAt);
    expect(draft.body.summary.raised).toBe(0);
  });

  it('lists who has the live screen open now', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(hub.base, {
      auth: { token: tokens.d3 },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('alerts:snapshot', () => resolve());
    });
    // A coordinator watching the board is not on duty.
    const watcher: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(hub.base, {
      auth: { token: tokens.coord },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(watcher);
    await new Promise<void>((resolve, reject) => {
      watcher.once('connect_error', reject);
      watcher.once('alerts:snapshot', () => resolve());
    });
    const r = await api<OnDuty>('GET', '/api/shifts/on-duty', 'sup');
    expect(r.body.connected.map((c) => [c.name, c.role, c.screens])).toEqual([['调度员 丙', 'dispatcher', 1]]);
    // Since when, by the hub's clock.
    expect(r.body.connected[0]!.since).toBe(new Date(now).toISOString());
    // Another district's supervisor sees nobody of this one.
    expect((await hub.api<OnDuty>('GET', '/api/shifts/on-duty', otherToken)).body.connected).toEqual([]);
  });
});
