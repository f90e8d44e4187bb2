/**
 * Phone-in incidents and action plans against the real database and broker: a dispatcher records a
 * call (a known elder found by name, phone, ID number or address, or an unknown caller by number)
 * and gets the same incident as a device alarm — lifecycle, timers, escalation, audit — with source
 * "phone" and the caller kept; the checklist (resident's instructions, then the kind's plan) is
 * ticked step by step into the audit; outcome codes are validated and reported.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertDetail, DispatchSettings, OutcomesReport, Resident } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

let now = Date.now();
const clock = { now: () => now };
let hub: TestHub;
let dispatcher: string;
let coordinator: string;
let supervisor: string;
let staff: string;
let elder: Resident;

const ID_NUMBER = '11010119400101123X';

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { clock });
  [dispatcher, coordinator, supervisor, staff] = await Promise.all([
    hub.login('dispatcher@demo.local', 'demo-dispatch-pass'),
    hub.login('coordinator@demo.local', 'demo-coord-pass'),
    hub.login('supervisor@demo.local', 'demo-supervisor-pass'),
    hub.login('staff@demo.local', 'demo-staff-pass'),
  ]);
  const created = await hub.api<Resident>('POST', '/api/residents', coordinator, {
    name: '来电测试老人',
    birthDate: '1940-01-01',
    sex: 'female',
    address: '幸福路 88 号 3 单元 502',
    community: '幸福社区',
    phone: '010-6688 1234',
    idNumber: ID_NUMBER,
    contacts: [
      { name: '王女儿', relation: '女儿', phone: '13900001111' },
      { name: '李邻居', relation: '邻居', phone: '13900002222' },
    ],
    location: { lat: 39.9042, lon: 116.4074 },
    planInstructions: ['耳聋：不要打电话，直接派人上门', '女儿有钥匙'],
  });
  expect(created.status).toBe(201);
  elder = created.body;
});

afterAll(async () => {
  await hub?.stop();
  if (hub) await rm(hub.dataDir, { recursive: true, force: true });
});

const detail = async (id: string) => (await hub.api<AlertDetail>('GET', `/api/alerts/${id}`, dispatcher)).body;

describe('finding the elder a call is about', () => {
  it.each([
    ['name', '来电测试'],
    ['ID number', ID_NUMBER.slice(-6)],
    ['address', '幸福路 88'],
    ['phone, typed without its punctuation', '66881234'],
    ["a contact's phone (the daughter calling)", '13900001111'],
  ])('by %s', async (_what, q) => {
    const r = await hub.api<{ items: Resident[] }>('GET', `/api/residents?q=${encodeURIComponent(q)}`, dispatcher);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x) => x.id)).toContain(elder.id);
    expect(r.body.items.find((x) => x.id === elder.id)).toMatchObject({
      idNumber: ID_NUMBER,
      planInstructions: ['耳聋：不要打电话，直接派人上门', '女儿有钥匙'],
    });
  });
});

describe('phone-in incidents', () => {
  let incident: Alert;

  it('opens an incident with source phone, the caller kept, held by the call taker, audited', async () => {
    const r = await hub.api<Alert>('POST', '/api/alerts/phone-in', dispatcher, {
      residentId: elder.id,
      callerPhone: '13900001111',
      callerName: '王女儿',
      kind: 'fall',
      note: '女儿来电：母亲在卫生间摔倒',
    });
    expect(r.status).toBe(201);
    incident = r.body;
    expect(incident).toMatchObject({
      source: 'phone',
      caller: { phone: '13900001111', name: '王女儿', address: '' },
      kind: 'fall',
      severity: 'critical',
      queue: 'emergency',
      residentId: elder.id,
      deviceId: null,
      status: 'acknowledged',
    });
    expect(incident.acknowledgedAt).toBe(new Date(now).toISOString());
    const d = await detail(incident.id);
    expect(d.actions.map((a) => a.action)).toEqual(['phone_call', 'acknowledged']);
    expect(d.actions[0]).toMatchObject({
      note: '女儿来电：母亲在卫生间摔倒',
      data: { kind: 'fall', caller: { phone: '13900001111', name: '王女儿' }, created: true },
      actorName: expect.any(String),
    });
    expect(d.signals).toEqual([
      expect.objectContaining({
        type: 'phone_call',
        deviceId: null,
        detail: expect.objectContaining({ kind: 'fall' }),
      }),
    ]);
    // The elder's home, with a map link from the stored coordinates (the default AMap template).
    expect(d.home).toEqual({
      address: '幸福路 88 号 3 单元 502',
      community: '幸福社区',
      location: { lat: 39.9042, lon: 116.4074 },
      mapUrl: 'https://uri.amap.com/marker?position=116.4074,39.9042',
    });
    expect(d.device).toBeNull();
  });

  it('appears in the dispatch queue like a device alarm', async () => {
    const list = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${elder.id}`, dispatcher);
    expect(list.body.items.map((a) => [a.id, a.source])).toEqual([[incident.id, 'phone']]);
  });

  it("gives a checklist of the resident's instructions first, then the kind's plan", async () => {
    const d = await detail(incident.id);
    expect(d.checklist.slice(0, 2).map((s) => [s.source, s.text, s.doneAt])).toEqual([
      ['resident', '耳聋：不要打电话，直接派人上门', null],
      ['resident', '女儿有钥匙', null],
    ]);
    expect(d.checklist.slice(2).map((s) => s.key)).toEqual([
      'speak_to_elder',
      'ask_injury',
      'call_contacts',
      'send_responder',
      'no_voice_emergency',
      'call_120_if_needed',
      'confirm_safe',
    ]);
    expect(d.checklist.every((s) => s.text.length > 0)).toBe(true);
  });

  it('records each ticked step in the audit with the hub time and who ticked it, once', async () => {
    now += 14_000;
    const first = await hub.api<AlertDetail>('POST', `/api/alerts/${incident.id}/checklist`, dispatcher, {
      stepId: 'resident-1',
    });
    expect(first.status).toBe(200);
    expect(first.body.checklist[0]).toMatchObject({
      id: 'resident-1',
      doneAt: new Date(now).toISOString(),
      doneByName: expect.any(String),
    });
    now += 5_000;
    const second = await hub.api<AlertDetail>('POST', `/api/alerts/${incident.id}/checklist`, dispatcher, {
      stepId: 'send_responder',
      note: '女儿带钥匙前往',
    });
    expect(second.status).toBe(200);
    const audit = second.body.actions.filter((a) => a.action === 'checklist_step');
    expect(audit.map((a) => [a.at, a.data.stepId, a.data.text, a.note])).toEqual([
      [new Date(now - 5_000).toISOString(), 'resident-1', '耳聋：不要打电话，直接派人上门', ''],
      [new Date(now).toISOString(), 'send_responder', expect.stringContaining('派人上门'), '女儿带钥匙前往'],
    ]);
    expect(audit.every((a) => a.actorId === second.body.acknowledgedBy)).toBe(true);
    // Twice is a conflict; a step the checklist does not have is a bad field; another dispatcher may not tick.
    expect(
      (await hub.api('POST', `/api/alerts/${incident.id}/checklist`, dispatcher, { stepId: 'send_responder' })).status,
    ).toBe(409);
    const unknown = await hub.api<{ details: { path: string }[] }>(
      'POST',
      `/api/alerts/${incident.id}/checklist`,
      dispatcher,
      { stepId: 'nope' },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0]!.path).toBe('stepId');
    expect(
      (await hub.api('POST', `/api/alerts/${incident.id}/checklist`, coordinator, { stepId: 'ask_injury' })).status,
    ).toBe(403);
  });

  it('keeps the checklist it was claimed with when the plan is edited later', async () => {
    const put = await hub.api('PUT', '/api/dispatch-settings/plans/fall', coordinator, {
      steps: [{ id: 'only', text: '只有一步' }],
    });
    expect(put.status).toBe(200);
    const d = await detail(incident.id);
    expect(d.checklist.map((s) => s.id)).toContain('ask_injury');
    expect(d.checklist.map((s) => s.id)).not.toContain('only');
    expect((await hub.api('DELETE', '/api/dispatch-settings/plans/fall', coordinator)).status).toBe(200);
  });

  it('folds a second call about the same elder into the open incident (200), audited', async () => {
    now += 1_000;
    const r = await hub.api<Alert>('POST', '/api/alerts/phone-in', dispatcher, {
      residentId: elder.id,
      callerPhone: '13900002222',
      callerName: '李邻居',
      kind: 'sos',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: incident.id, signalCount: 2, kinds: ['fall', 'sos'], source: 'phone' });
    const d = await detail(incident.id);
    expect(d.actions.filter((a) => a.action === 'phone_call').map((a) => a.data.created)).toEqual([true, false]);
  });

  it('runs the same lifecycle, escalation and outcome as a device alarm', async () => {
    const step = (body: Record<string, unknown>) =>
      hub.api<Alert>('POST', `/api/alerts/${incident.id}/actions`, dispatcher, body);
    expect((await step({ action: 'contact_made' })).body.status).toBe('contact_made');
    expect(
      (await step({ action: 'dispatch', responder: { kind: 'family', name: '王女儿', phone: '13900001111' } })).body
        .status,
    ).toBe('dispatched');
    expect((await step({ action: 'on_scene' })).body.status).toBe('on_scene');
    // Unresolved past the resolve limit: escalated like any incident.
    now += 31 * 60_000;
    await hub.tickAlerts();
    const esc = await detail(incident.id);
    expect(esc.escalationLevel).toBeGreaterThanOrEqual(1);
    expect(esc.actions.find((a) => a.action === 'escalated')?.data).toMatchObject({ reason: 'unresolved' });
    // A false alarm for another reason needs a note; a coded reason does not; nonsense is refused.
    expect((await step({ action: 'resolve', outcome: 'false_alarm' })).status).toBe(400);
    expect((await step({ action: 'resolve', outcome: 'pressed_it' })).status).toBe(400);
    const done = await step({ action: 'resolve', outcome: 'family_attended', note: '女儿已到场' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', outcome: 'family_attended', source: 'phone' });
    // The completed checklist stays part of the record; nothing more can be ticked.
    const d = await detail(incident.id);
    expect(d.checklist.filter((s) => s.doneAt).map((s) => s.id)).toEqual(['resident-1', 'send_responder']);
    expect(
      (await hub.api('POST', `/api/alerts/${incident.id}/checklist`, dispatcher, { stepId: 'ask_injury' })).status,
    ).toBe(409);
  });

  it('records an unknown caller by number, with no resident', async () => {
    const r = await hub.api<Alert>('POST', '/api/alerts/phone-in', supervisor, {
      callerPhone: '+86 138-0000-9999',
      callerName: '路人',
      address: '公园东门长椅',
      kind: 'sos',
      note: '有老人晕倒',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      source: 'phone',
      residentId: null,
      caller: { phone: '+86 138-0000-9999', name: '路人', address: '公园东门长椅' },
      status: 'acknowledged',
    });
    const d = await detail(r.body.id);
    expect(d.home).toBeNull();
    expect(d.checklist.map((s) => s.key)).toEqual([
      'speak_to_elder',
      'call_contacts',
      'send_responder',
      'no_voice_emergency',
      'confirm_safe',
    ]);
    // A false alarm with its reason code closes it.
    const closed = await hub.api<Alert>('POST', `/api/alerts/${r.body.id}/actions`, supervisor, {
      action: 'resolve',
      outcome: 'false_alarm_test',
    });
    expect(closed.body).toMatchObject({ status: 'resolved', outcome: 'false_alarm_test' });
  });

  it.each([
    ['no resident and no caller number', { kind: 'sos' }, 'callerPhone'],
    ['a caller number that is not one', { kind: 'sos', callerPhone: 'call me' }, 'callerPhone'],
    ['a kind a caller cannot report', { kind: 'device_offline', callerPhone: '13900000000' }, 'kind'],
    [
      'a resident that does not exist',
      { kind: 'sos', residentId: '00000000-0000-4000-8000-000000000000' },
      'residentId',
    ],
    ['a field it does not know', { kind: 'sos', callerPhone: '13900000000', priority: 1 }, ''],
  ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
    const r = await hub.api<{ details: { path: string }[] }>('POST', '/api/alerts/phone-in', dispatcher, body);
    expect(r.status).toBe(400);
    if (field) expect(r.body.details.map((x) => x.path)).toContain(field);
  });

  it('is for call takers only', async () => {
    const body = { kind: 'sos', callerPhone: '13900000000' };
    expect((await hub.api('POST', '/api/alerts/phone-in', staff, body)).status).toBe(403);
    expect((await hub.api('POST', '/api/alerts/phone-in', coordinator, body)).status).toBe(403);
    expect((await hub.api('POST', '/api/alerts/phone-in', undefined, body)).status).toBe(401);
  });
});

describe('action plans and outcomes', () => {
  it('lets coordinators edit a kind’s plan and the map template; dispatchers read them', async () => {
    const put = await hub.api('PUT', '/api/dispatch-settings/plans/gas', coordinator, {
      steps: [
        { id: 'valve', text: '让老人关闭燃气阀门' },
        { id: 'call_contacts', key: 'call_contacts', text: '按顺序联系紧急联系人' },
      ],
    });
    expect(put.status).toBe(200);
    expect((await hub.api('PUT', '/api/dispatch-settings/plans/gas', dispatcher, { steps: [] })).status).toBe(403);
    expect(
      (
        await hub.api('PUT', '/api/dispatch-settings/plans/gas', coordinator, {
          steps: [
            { id: 'a', text: 'x' },
            { id: 'a', text: 'y' },
          ],
        })
      ).status,
    ).toBe(400);
    const bad = await hub.api('PUT', '/api/dispatch-settings/map-url', coordinator, {
      mapUrlTemplate: 'https://map.example/?q=somewhere',
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await hub.api('PUT', '/api/dispatch-settings/map-url', coordinator, {
          mapUrlTemplate: 'https://api.map.baidu.com/marker?location={lat},{lng}&output=html',
        })
      ).status,
    ).toBe(200);
    const s = await hub.api<DispatchSettings>('GET', '/api/dispatch-settings', dispatcher);
    expect(s.body.mapUrlTemplate).toBe('https://api.map.baidu.com/marker?location={lat},{lng}&output=html');
    expect(s.body.plans.find((p) => p.kind === 'gas')).toMatchObject({ custom: true, steps: [{ id: 'valve' }, {}] });
    expect(s.body.plans.find((p) => p.kind === 'sos')).toMatchObject({ custom: false });

    // A new gas incident gets the edited plan and the new map link.
    const r = await hub.api<Alert>('POST', '/api/alerts/phone-in', dispatcher, {
      residentId: elder.id,
      callerPhone: '010-6688 1234',
      kind: 'gas',
    });
    expect(r.status).toBe(201);
    const d = await detail(r.body.id);
    expect(d.checklist.map((x) => x.id)).toEqual(['resident-1', 'resident-2', 'valve', 'call_contacts']);
    expect(d.home?.mapUrl).toBe('https://api.map.baidu.com/marker?location=39.9042,116.4074&output=html');
    await hub.api('POST', `/api/alerts/${r.body.id}/actions`, dispatcher, {
      action: 'resolve',
      outcome: 'false_alarm_accidental',
    });
  });

  it('leaves phone-in incidents out of the alarm-acknowledgement SLA (they never wait)', async () => {
    const sla = async () =>
      (
        await hub.api<{ total: number; over180: { id: string }[] }>(
          'GET',
          `/api/reports/sla?to=${encodeURIComponent(new Date(now + 60_000).toISOString())}`,
          supervisor,
        )
      ).body;
    const before = await sla();
    const r = await hub.api<Alert>('POST', '/api/alerts/phone-in', dispatcher, {
      callerPhone: '13700000000',
      kind: 'sos',
    });
    expect(r.status).toBe(201);
    const after = await sla();
    expect(after.total).toBe(before.total);
    expect(after.over180.map((x) => x.id)).not.toContain(r.body.id);
    await hub.api('POST', `/api/alerts/${r.body.id}/actions`, dispatcher, {
      action: 'resolve',
      outcome: 'false_alarm_accidental',
    });
  });

  it('reports outcomes by code and source, false alarms counted with their reasons', async () => {
    const to = encodeURIComponent(new Date(now + 1000).toISOString());
    const r = await hub.api<OutcomesReport>('GET', `/api/reports/outcomes?to=${to}`, supervisor);
    expect(r.status).toBe(200);
    const count = (o: string) => r.body.byOutcome.find((x) => x.outcome === o)?.count;
    expect(count('family_attended')).toBe(1);
    expect(count('false_alarm_test')).toBe(1);
    expect(count('false_alarm_accidental')).toBe(2);
    expect(count('deceased')).toBe(0);
    expect(r.body.bySource.find((x) => x.source === 'phone')).toEqual({ source: 'phone', total: 4, falseAlarms: 3 });
    expect(r.body.falseAlarms).toBeGreaterThanOrEqual(2);
  });
});
