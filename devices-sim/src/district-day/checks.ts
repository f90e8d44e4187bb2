/**
 * The report's lines: each figure the script fixes, expected vs observed. Pure functions of what the
 * script intended (`Expected`) and what the hub showed (`Observed`), so a wrong expectation is shown
 * to fail its line, naming the incident or figure (checks.test.ts).
 */
import { compareAlerts, type Alert } from '@eldercare/shared';

export interface ReportLine {
  section: string;
  /** The script item or the figure this line is about, e.g. `06-fall` or `SLA share ≤ 60 s`. */
  name: string;
  expected: string;
  observed: string;
  pass: boolean;
}

/** An alarm (or device-health item) the script meant the hub to raise. */
export interface ExpectedAlarm {
  item: string;
  queue: 'emergency' | 'device_health';
  kind: string;
  residentId: string | null;
  deviceId: string;
  /** Seconds from opening to the claim; null: nobody claims it. */
  ackSeconds: number | null;
  /** How the incident ends the day: still active, or closed (resolved/cancelled). */
  endsActive: boolean;
  /** The nursing home's staff screen must show it (its resident, or a device of that home). */
  staffSees?: boolean;
  /** The elder withdrew it before anyone acknowledged it (left out of the SLA report). */
  cancelledByElder?: boolean;
  /** Taken by phone: held by its call taker as it opens (acknowledged at once), out of the SLA report. */
  phoneIn?: boolean;
  /** Responder ladder: each responder's answer in order (`<name> declined|accepted`), and who took it. */
  responders?: { answers: string[]; accepted: string };
  /** Every kind the incident must hold, in order of arrival (signals folded into it). */
  kinds?: string[];
  /** How many signals the incident must hold (e.g. 1: the periodic checks piled nothing onto it). */
  signals?: number;
  /** After it was closed the elder stayed still: no second alarm of this kind (the quiet period). */
  quietAfter?: boolean;
}

/** A family member with the app: the messages her phone must receive (`<purpose> <item>`), and no others. */
export interface ExpectedFamily {
  item: string;
  messages: string[];
}

/** Staffing against the ratios in each institution at one moment, and the district's figure. */
export interface StaffingFigures {
  institutions: { name: string; required: number; onShift: number; missing: number }[];
  /** Institutions meeting their requirement, of all. */
  compliant: number;
  total: number;
}

export interface Expected {
  alarms: ExpectedAlarm[];
  /** Script items that must leave no alarm at all (a cancelled fall). */
  silent: { item: string; residentId: string }[];
  visits?: { keyElders: number; visited: number; overdue: string[]; contacted?: string[] };
  meals?: { delivered: number; noAnswer: number; unstarted: number | null; pickedUp: number };
  hours?: { volunteer: string; creditedMinutes: number; balanceBefore: number };
  family?: ExpectedFamily[];
  /** Per staffing check (script item): what the register and the roster say the hub must show. */
  staffing?: { item: string; figures: StaffingFigures }[];
}

export interface Observed {
  /** Every alert created during the day (all states, both queues). */
  alerts: Alert[];
  /** Alert ids that reached a dispatch screen over the socket. */
  onBoard: Set<string>;
  /** Alert ids that reached the institution staff's screen (one nursing home's nurse). */
  onStaffScreen?: Set<string>;
  /** Alert ids the supervisors were told of off-screen (webhook `alarm_unacknowledged`). */
  supervisorTold: string[];
  /** Per alert id: the responders' answers in order, from the incident's audit trail. */
  offers: Map<string, string[]>;
  /** The accepted responder per alert id (from the alert). */
  acceptedResponder: Map<string, string | null>;
  /** Snapshots of the active queue taken during the day (as the list API returned them). */
  queueSnapshots: { at: string; items: Alert[] }[];
  sla: {
    total: number;
    ackWithin60: number;
    ackWithin180: number;
    shareWithin60: number | null;
    shareWithin180: number | null;
    over180: { id: string }[];
  } | null;
  /** The dispatch board in Chromium at the end (rows in screen order), and the list API's order. */
  browserBoard?: { emergency: string[]; deviceHealth: string[]; apiEmergency: string[]; apiDeviceHealth: string[] };
  /** Active alert ids at the end of the day. */
  finalBoard: string[];
  visits?: { keyElders: number; visited: number; overdue: string[]; contacted?: string[] };
  meals?: { delivered: number; noAnswer: number; unstarted: number | null; pickedUp: number };
  hours?: { creditedMinutes: number; balanceAfter: number; statementClosing?: number };
  /** Per family member (by script item): each message her phone received, decrypted, with when (simulated ms). */
  family?: Map<string, { purpose: string; alertId: string | null; at: number }[]>;
  /** Per staffing check: the institution boards and the oversight figures, as the hub showed them then. */
  staffing?: Map<string, { board: StaffingFigures['institutions']; oversight: { compliant: number; total: number } }>;
}

const fmtShare = (n: number | null) => (n === null ? 'none' : `${(n * 100).toFixed(1)}%`);
const list = (xs: string[]) => (xs.length ? [...xs].sort().join(', ') : 'none');

/** Which observed alert is the expected one: same subject (resident, else device) and kind, same queue. */
export function matchAlarm(e: ExpectedAlarm, alerts: Alert[]): Alert[] {
  return alerts.filter(
    (a) =>
      a.queue === e.queue &&
      (a.kinds?.includes(e.kind as never) || a.kind === e.kind) &&
      (e.residentId ? a.residentId === e.residentId : a.deviceId === e.deviceId),
  );
}

export function check(expected: Expected, observed: Observed): ReportLine[] {
  const lines: ReportLine[] = [];
  const line = (section: string, name: string, exp: unknown, obs: unknown, pass?: boolean) =>
    lines.push({
      section,
      name,
      expected: String(exp),
      observed: String(obs),
      pass: pass ?? String(exp) === String(obs),
    });
  const nameOf = new Map<string, string>();

  // ---- every alarm the script raised: once, on the board, to the right people ----------------------
  for (const e of expected.alarms) {
    const found = matchAlarm(e, observed.alerts);
    const a = found[0];
    const label = `${e.item} (${e.kind})`;
    line('alarms', `${label} raised once`, 1, found.length);
    if (a) nameOf.set(a.id, e.item);
    line('alarms', `${label} reached the dispatch board`, 'yes', a && observed.onBoard.has(a.id) ? 'yes' : 'no');
    if (observed.onStaffScreen && e.staffSees)
      line(
        'alarms',
        `${label} reached the nursing home staff's screen`,
        'yes',
        a && observed.onStaffScreen.has(a.id) ? 'yes' : 'no',
      );
    if (e.ackSeconds !== null) {
      const ack = a?.acknowledgedAt
        ? (Date.parse(a.acknowledgedAt) - Date.parse(a.openedAt ?? a.createdAt)) / 1000
        : null;
      line('alarms', `${label} acknowledged after (s)`, e.ackSeconds, ack ?? 'never');
    }
    if (e.phoneIn)
      line(
        'alarms',
        `${label} taken by phone: source and caller's number kept`,
        'phone',
        a ? `${a.source ?? '?'}${a.caller?.phone ? '' : ' (no caller number)'}` : 'missing',
      );
    if (e.queue === 'emergency') {
      const late = e.ackSeconds === null ? !e.cancelledByElder && !e.phoneIn : e.ackSeconds > 60;
      const told = a ? observed.supervisorTold.filter((id) => id === a.id).length : 0;
      line('alarms', `${label} supervisor told off-screen (unacknowledged > 60 s)`, late ? 1 : 0, told);
    }
    if (e.kinds) line('alarms', `${label} holds, in order`, e.kinds.join(' + '), a ? a.kinds.join(' + ') : 'missing');
    if (e.signals !== undefined)
      line('alarms', `${label} signals in the incident`, e.signals, a?.signalCount ?? 'missing');
    if (e.quietAfter)
      line(
        'alarms',
        `${label} no new ${e.kind} alarm while she stayed still after it was closed (quiet period)`,
        0,
        Math.max(0, found.length - 1),
      );
    const state = a ? (['resolved', 'cancelled'].includes(a.status) ? 'closed' : 'active') : 'missing';
    line('alarms', `${label} state at end of day`, e.endsActive ? 'active' : 'closed', state);
    if (e.responders) {
      line(
        'responders',
        `${label} responders' answers in order`,
        e.responders.answers.join(' → '),
        a ? (observed.offers.get(a.id) ?? []).join(' → ') : 'missing',
      );
      line(
        'responders',
        `${label} responder who accepted`,
        e.responders.accepted,
        a ? (observed.acceptedResponder.get(a.id) ?? 'none') : 'missing',
      );
    }
  }
  for (const s of expected.silent) {
    const any = observed.alerts.filter((a) => a.residentId === s.residentId);
    line('alarms', `${s.item} leaves no alarm`, 'none', any.length ? any.map((a) => a.kind).join(', ') : 'none');
  }

  // ---- the nurse sees her own home's alarms only ------------------------------------------------------
  if (observed.onStaffScreen) {
    const theirs = new Set(
      expected.alarms.filter((e) => e.staffSees).flatMap((e) => matchAlarm(e, observed.alerts).map((a) => a.id)),
    );
    const others = observed.alerts.filter((a) => observed.onStaffScreen!.has(a.id) && !theirs.has(a.id));
    line(
      'alarms',
      "nursing home staff's screen shows no other home's or household's alarm",
      'none',
      others.length ? others.map((a) => nameOf.get(a.id) ?? a.id).join(', ') : 'none',
    );
  }

  // ---- nothing the script did not intend ----------------------------------------------------------
  const intended = new Set(expected.alarms.flatMap((e) => matchAlarm(e, observed.alerts).map((a) => a.id)));
  const extra = observed.alerts.filter((a) => !intended.has(a.id));
  line(
    'alarms',
    'no alarm the script did not intend',
    'none',
    extra.length
      ? extra.map((a) => `${a.kind}/${a.queue}${a.residentName ? ` (${a.residentName})` : ''} ${a.id}`).join('; ')
      : 'none',
  );

  // ---- queue order: never a critical alarm below a lesser one ----------------------------------------
  const buried: string[] = [];
  for (const snap of observed.queueSnapshots) {
    const emergency = snap.items.filter((a) => a.queue === 'emergency');
    const sorted = [...emergency].sort(compareAlerts);
    if (sorted.some((a, i) => a.id !== emergency[i]!.id)) buried.push(`${snap.at}: not in compareAlerts order`);
    const firstLesser = emergency.findIndex((a) => a.severity !== 'critical');
    const critBelow = emergency
      .slice(firstLesser < 0 ? emergency.length : firstLesser)
      .find((a) => a.severity === 'critical');
    if (critBelow) buried.push(`${snap.at}: ${nameOf.get(critBelow.id) ?? critBelow.id} below a lesser alarm`);
  }
  line(
    'queue',
    `queue order over ${observed.queueSnapshots.length} snapshots`,
    'never a critical alarm below a lesser one',
    buried.length ? buried.join('; ') : 'never a critical alarm below a lesser one',
  );

  // ---- SLA report ---------------------------------------------------------------------------------
  // Phone-in incidents never wait in the queue (the call taker holds them): the SLA report leaves them out.
  const sla = expected.alarms.filter((e) => e.queue === 'emergency' && !e.cancelledByElder && !e.phoneIn);
  const acks = sla.map((e) => e.ackSeconds);
  const w60 = acks.filter((s) => s !== null && s <= 60).length;
  const w180 = acks.filter((s) => s !== null && s <= 180).length;
  const o = observed.sla;
  line('sla', 'SLA alarms counted', sla.length, o?.total ?? 'no report');
  line('sla', 'SLA acknowledged ≤ 60 s', w60, o?.ackWithin60 ?? 'no report');
  line('sla', 'SLA acknowledged ≤ 180 s', w180, o?.ackWithin180 ?? 'no report');
  line(
    'sla',
    'SLA share ≤ 60 s',
    fmtShare(sla.length ? w60 / sla.length : null),
    o ? fmtShare(o.shareWithin60) : 'no report',
  );
  line(
    'sla',
    'SLA share ≤ 180 s',
    fmtShare(sla.length ? w180 / sla.length : null),
    o ? fmtShare(o.shareWithin180) : 'no report',
  );
  const over = sla.filter((e) => e.ackSeconds === null || e.ackSeconds > 180).map((e) => e.item);
  line(
    'sla',
    'SLA exceptions (> 180 s)',
    list(over),
    o ? list(o.over180.map((x) => nameOf.get(x.id) ?? `unscripted ${x.id}`)) : 'no report',
  );

  // ---- device health ------------------------------------------------------------------------------
  const dh = expected.alarms.filter((e) => e.queue === 'device_health');
  const kinds = [
    ...new Set([
      ...dh.map((e) => e.kind),
      ...observed.alerts.filter((a) => a.queue === 'device_health').map((a) => a.kind),
    ]),
  ].sort();
  for (const k of kinds) {
    const exp = dh.filter((e) => e.kind === k);
    const obs = observed.alerts.filter((a) => a.queue === 'device_health' && a.kind === k);
    line('device health', `device health ${k}: raised`, exp.length, obs.length);
    line(
      'device health',
      `device health ${k}: open at end`,
      exp.filter((e) => e.endsActive).length,
      obs.filter((a) => !['resolved', 'cancelled'].includes(a.status)).length,
    );
  }

  // ---- the board at the end of the day ------------------------------------------------------------
  const openExpected = expected.alarms.filter((e) => e.endsActive).map((e) => e.item);
  line(
    'board',
    'active alarms at end of day',
    list(openExpected),
    list(observed.finalBoard.map((id) => nameOf.get(id) ?? `unscripted ${id}`)),
  );

  const b = observed.browserBoard;
  if (b) {
    const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? `unscripted ${id}`);
    line(
      'board',
      'dispatch board in Chromium: alarms shown',
      list(openExpected),
      list(names([...b.emergency, ...b.deviceHealth])),
    );
    line(
      'board',
      'dispatch board in Chromium: emergency queue order',
      names(b.apiEmergency).join(' > ') || 'none',
      names(b.emergency).join(' > ') || 'none',
    );
    line(
      'board',
      'dispatch board in Chromium: device-health queue order',
      names(b.apiDeviceHealth).join(' > ') || 'none',
      names(b.deviceHealth).join(' > ') || 'none',
    );
  }

  // ---- visits, meals, hours -------------------------------------------------------------------------
  if (expected.visits) {
    const v = observed.visits;
    line('visits', 'key elders', expected.visits.keyElders, v?.keyElders ?? 'no report');
    line('visits', 'key elders visited this month', expected.visits.visited, v?.visited ?? 'no report');
    const rate = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : 'none');
    line(
      'visits',
      'monthly visit rate',
      rate(expected.visits.visited, expected.visits.keyElders),
      v ? rate(v.visited, v.keyElders) : 'no report',
    );
    line('visits', 'overdue elders', list(expected.visits.overdue), v ? list(v.overdue) : 'no report');
    if (expected.visits.contacted)
      line(
        'visits',
        'elders contacted today',
        list(expected.visits.contacted),
        v?.contacted ? list(v.contacted) : 'no report',
      );
  }
  if (expected.meals) {
    const m = observed.meals;
    line('meals', 'meals delivered (lunch run)', expected.meals.delivered, m?.delivered ?? 'no report');
    line('meals', 'doors not answered', expected.meals.noAnswer, m?.noAnswer ?? 'no report');
    line('meals', 'meals picked up at meal points', expected.meals.pickedUp, m?.pickedUp ?? 'no report');
    if (expected.meals.unstarted !== null)
      line(
        'meals',
        'meals of the run never started (undelivered)',
        expected.meals.unstarted,
        m?.unstarted ?? 'no report',
      );
  }
  if (expected.hours) {
    const h = observed.hours;
    line(
      'hours',
      `hours credited to ${expected.hours.volunteer} (minutes)`,
      expected.hours.creditedMinutes,
      h?.creditedMinutes ?? 'no report',
    );
    line(
      'hours',
      `ledger balance of ${expected.hours.volunteer} (minutes)`,
      expected.hours.balanceBefore + expected.hours.creditedMinutes,
      h?.balanceAfter ?? 'no report',
    );
    if (h?.statementClosing !== undefined)
      line(
        'hours',
        `statement closing balance of ${expected.hours.volunteer} (minutes)`,
        expected.hours.balanceBefore + expected.hours.creditedMinutes,
        h.statementClosing,
      );
  }
  // ---- families: what reached their phones ----------------------------------------------------------
  const byItem = (id: string | null) => (id ? (nameOf.get(id) ?? `unscripted ${id}`) : 'no incident');
  for (const f of expected.family ?? []) {
    const got = observed.family?.get(f.item) ?? [];
    line(
      'family',
      `family of ${f.item}: messages on the family's phone`,
      list(f.messages),
      list(got.map((m) => `${m.purpose} ${byItem(m.alertId)}`)),
    );
    const raised = got.find((m) => m.purpose === 'family_raised');
    if (f.messages.some((m) => m.startsWith('family_raised'))) {
      const a = observed.alerts.find((x) => x.id === raised?.alertId);
      const secs = raised && a ? (raised.at - Date.parse(a.openedAt ?? a.createdAt)) / 1000 : null;
      line(
        'family',
        `family of ${f.item}: told it was raised within 60 s`,
        'yes',
        secs === null ? 'never' : secs <= 60 ? 'yes' : `after ${secs} s`,
      );
    }
  }

  // ---- staffing against the ratios ------------------------------------------------------------------
  for (const s of expected.staffing ?? []) {
    const o = observed.staffing?.get(s.item);
    for (const inst of s.figures.institutions) {
      const b = o?.board.find((x) => x.name === inst.name);
      const fig = (x: { required: number; onShift: number; missing: number }) =>
        `required ${x.required}, on shift ${x.onShift}, missing ${x.missing}`;
      line('staffing', `${s.item} ${inst.name}: staff vs ratio`, fig(inst), b ? fig(b) : 'no figures');
    }
    line(
      'staffing',
      `${s.item} institutions meeting the ratio (oversight)`,
      `${s.figures.compliant} of ${s.figures.total}`,
      o ? `${o.oversight.compliant} of ${o.oversight.total}` : 'no figures',
    );
  }
  return lines;
}
