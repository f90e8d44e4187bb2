import { describe, expect, it } from 'vitest';
import type { Alert } from '@eldercare/shared';
import { check, type Expected, type Observed } from './checks.js';
import { buildScript } from './script.js';

const T0 = Date.parse('2026-11-30T16:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function alert(p: Partial<Alert> & Pick<Alert, 'id' | 'kind' | 'severity'>): Alert {
  return {
    kinds: [p.kind],
    queue: 'emergency',
    status: 'resolved',
    residentId: null,
    residentName: null,
    deviceId: null,
    createdAt: at(0),
    openedAt: at(0),
    acknowledgedAt: null,
    escalationLevel: 0,
    responder: null,
    ...p,
  } as Alert;
}

/** A small day the hub got right: two SOS, one acknowledged late, one still open; a low battery. */
function day(): { expected: Expected; observed: Observed } {
  const sosA = alert({
    id: 'a1',
    kind: 'sos',
    severity: 'critical',
    residentId: 'r1',
    deviceId: 'd1',
    acknowledgedAt: at(40),
  });
  const sosB = alert({
    id: 'a2',
    kind: 'sos',
    severity: 'critical',
    residentId: 'r2',
    deviceId: 'd2',
    status: 'acknowledged',
    createdAt: at(1000),
    openedAt: at(1000),
    acknowledgedAt: at(1200),
  });
  const battery = alert({
    id: 'a3',
    kind: 'low_battery',
    severity: 'low',
    queue: 'device_health',
    status: 'open',
    deviceId: 'd3',
  });
  return {
    expected: {
      alarms: [
        {
          item: '01-sos',
          queue: 'emergency',
          kind: 'sos',
          residentId: 'r1',
          deviceId: 'd1',
          ackSeconds: 40,
          endsActive: false,
        },
        {
          item: '02-sos',
          queue: 'emergency',
          kind: 'sos',
          residentId: 'r2',
          deviceId: 'd2',
          ackSeconds: 200,
          endsActive: true,
        },
        {
          item: '03-low_battery',
          queue: 'device_health',
          kind: 'low_battery',
          residentId: null,
          deviceId: 'd3',
          ackSeconds: null,
          endsActive: true,
        },
      ],
      silent: [{ item: '04-fall_cancelled', residentId: 'r4' }],
    },
    observed: {
      alerts: [sosA, sosB, battery],
      onBoard: new Set(['a1', 'a2', 'a3']),
      supervisorTold: ['a2'],
      offers: new Map(),
      acceptedResponder: new Map(),
      queueSnapshots: [{ at: at(1100), items: [sosB, battery] }],
      sla: {
        total: 2,
        ackWithin60: 1,
        ackWithin180: 1,
        shareWithin60: 0.5,
        shareWithin180: 0.5,
        over180: [{ id: 'a2' }],
      },
      finalBoard: ['a2', 'a3'],
    },
  };
}

describe('district day checks', () => {
  it('passes every line when the hub showed what the script intended', () => {
    const { expected, observed } = day();
    const lines = check(expected, observed);
    expect(lines.filter((l) => !l.pass)).toEqual([]);
    expect(lines.find((l) => l.name === 'SLA exceptions (> 180 s)')).toMatchObject({
      expected: '02-sos',
      observed: '02-sos',
    });
  });

  it('fails the line of a wrong expectation and names the incident', () => {
    const { expected, observed } = day();
    expected.alarms[1]!.ackSeconds = 150; // the script believes 02-sos was acknowledged inside 180 s
    const failed = check(expected, observed).filter((l) => !l.pass);
    expect(failed.map((l) => l.name)).toEqual([
      '02-sos (sos) acknowledged after (s)',
      'SLA acknowledged ≤ 180 s',
      'SLA share ≤ 180 s',
      'SLA exceptions (> 180 s)',
    ]);
    expect(failed[0]).toMatchObject({ expected: '150', observed: '200' });
    expect(failed[3]).toMatchObject({ expected: 'none', observed: '02-sos' });
  });

  it('names an alarm that was lost, duplicated, unintended or buried', () => {
    const { expected, observed } = day();
    const dup = alert({ id: 'a4', kind: 'sos', severity: 'critical', residentId: 'r1', deviceId: 'd1' });
    const falseAlarm = alert({
      id: 'a5',
      kind: 'fall',
      severity: 'critical',
      residentId: 'r4',
      residentName: 'Elder 4',
    });
    const high = alert({ id: 'a6', kind: 'vitals', severity: 'high', residentId: 'r6', status: 'open' });
    observed.alerts.push(dup, falseAlarm);
    observed.onBoard.delete('a3');
    observed.queueSnapshots.push({ at: at(1300), items: [high, observed.alerts[1]!] });
    const failed = check(expected, observed).filter((l) => !l.pass);
    const byName = Object.fromEntries(failed.map((l) => [l.name, l]));
    expect(byName['01-sos (sos) raised once']).toMatchObject({ expected: '1', observed: '2' });
    expect(byName['03-low_battery (low_battery) reached the dispatch board']).toMatchObject({ observed: 'no' });
    expect(byName['04-fall_cancelled leaves no alarm']).toMatchObject({ observed: 'fall' });
    expect(byName['no alarm the script did not intend']!.observed).toContain('fall/emergency (Elder 4) a5');
    expect(byName['queue order over 2 snapshots']!.observed).toContain('02-sos below a lesser alarm');
  });

  it("fails when the nursing home's screen misses its alarm or shows another household's", () => {
    const { expected, observed } = day();
    expected.alarms[0]!.staffSees = true;
    observed.onStaffScreen = new Set(['a2']);
    const failed = check(expected, observed).filter((l) => !l.pass);
    expect(failed.map((l) => [l.name, l.observed])).toEqual([
      ["01-sos (sos) reached the nursing home staff's screen", 'no'],
      ["nursing home staff's screen shows no other home's or household's alarm", '02-sos'],
    ]);
  });

  it('fails the board line when an incident the script closed is still open', () => {
    const { expected, observed } = day();
    observed.finalBoard.push('a1');
    const failed = check(expected, observed).filter((l) => !l.pass);
    expect(failed.map((l) => [l.name, l.observed])).toEqual([
      ['active alarms at end of day', '01-sos, 02-sos, 03-low_battery'],
    ]);
  });
});

describe('district day checks: wandering, quiet period, families, staffing', () => {
  const wander = () => {
    const { expected, observed } = day();
    const a = alert({
      id: 'w1',
      kind: 'night_door_open',
      severity: 'high',
      residentId: 'r7',
      deviceId: 'd7',
      kinds: ['night_door_open', 'geofence_exit'],
      signalCount: 2,
      acknowledgedAt: at(30),
    } as Partial<Alert> & Pick<Alert, 'id' | 'kind' | 'severity'>);
    observed.alerts.push(a);
    observed.onBoard.add('w1');
    observed.sla = {
      ...observed.sla!,
      total: 3,
      ackWithin60: 2,
      ackWithin180: 2,
      shareWithin60: 2 / 3,
      shareWithin180: 2 / 3,
    };
    expected.alarms.push({
      item: '05-wandering',
      queue: 'emergency',
      kind: 'night_door_open',
      residentId: 'r7',
      deviceId: 'd7',
      ackSeconds: 30,
      endsActive: false,
      kinds: ['night_door_open', 'geofence_exit'],
      signals: 2,
      quietAfter: true,
    });
    expected.family = [
      { item: '05-wandering', messages: ['family_raised 05-wandering', 'family_closed 05-wandering'] },
    ];
    observed.family = new Map([
      [
        '05-wandering',
        [
          { purpose: 'family_raised', alertId: 'w1', at: T0 + 5_000 },
          { purpose: 'family_closed', alertId: 'w1', at: T0 + 400_000 },
        ],
      ],
    ]);
    expected.staffing = [
      {
        item: '06-staffing_check',
        figures: {
          institutions: [
            { name: 'Home A', required: 3, onShift: 3, missing: 0 },
            { name: 'Home B', required: 2, onShift: 1, missing: 1 },
          ],
          compliant: 1,
          total: 2,
        },
      },
    ];
    observed.staffing = new Map([
      [
        '06-staffing_check',
        {
          board: [
            { name: 'Home A', required: 3, onShift: 3, missing: 0 },
            { name: 'Home B', required: 2, onShift: 1, missing: 1 },
          ],
          oversight: { compliant: 1, total: 2 },
        },
      ],
    ]);
    return { expected, observed, a };
  };

  it('passes when the hub showed the script', () => {
    const { expected, observed } = wander();
    expect(check(expected, observed).filter((l) => !l.pass)).toEqual([]);
  });

  it('fails the wandering line when the door and the walk-out were two incidents, or a check piled signals on', () => {
    const { expected, observed, a } = wander();
    a.kinds = ['night_door_open'];
    a.signalCount = 3;
    observed.alerts.push(
      alert({ id: 'w2', kind: 'night_door_open', severity: 'high', residentId: 'r7', status: 'resolved' }),
    );
    const failed = Object.fromEntries(
      check(expected, observed)
        .filter((l) => !l.pass)
        .map((l) => [l.name, l]),
    );
    expect(failed['05-wandering (night_door_open) holds, in order']).toMatchObject({
      expected: 'night_door_open + geofence_exit',
      observed: 'night_door_open',
    });
    expect(failed['05-wandering (night_door_open) signals in the incident']).toMatchObject({ observed: '3' });
    expect(
      failed[
        '05-wandering (night_door_open) no new night_door_open alarm while she stayed still after it was closed (quiet period)'
      ],
    ).toMatchObject({ expected: '0', observed: '1' });
  });

  it("fails a family's line for a message missing, one too many, or one told late", () => {
    const { expected, observed } = wander();
    observed.family!.get('05-wandering')!.splice(1, 1);
    observed.family!.get('05-wandering')!.push({ purpose: 'family_raised', alertId: 'a1', at: T0 + 90_000 });
    observed.family!.get('05-wandering')![0]!.at = T0 + 75_000;
    const failed = check(expected, observed).filter((l) => !l.pass);
    expect(failed.map((l) => [l.name, l.observed])).toEqual([
      ["family of 05-wandering: messages on the family's phone", 'family_raised 01-sos, family_raised 05-wandering'],
      ['family of 05-wandering: told it was raised within 60 s', 'after 75 s'],
    ]);
  });

  it('fails the staffing lines naming the home and the check when the hub counts differently', () => {
    const { expected, observed } = wander();
    observed.staffing!.get('06-staffing_check')!.board[1]!.onShift = 2;
    observed.staffing!.get('06-staffing_check')!.board[1]!.missing = 0;
    observed.staffing!.get('06-staffing_check')!.oversight.compliant = 2;
    const failed = check(expected, observed).filter((l) => !l.pass);
    expect(failed.map((l) => [l.name, l.expected, l.observed])).toEqual([
      [
        '06-staffing_check Home B: staff vs ratio',
        'required 2, on shift 1, missing 1',
        'required 2, on shift 2, missing 0',
      ],
      ['06-staffing_check institutions meeting the ratio (oversight)', '1 of 2', '2 of 2'],
    ]);
  });
});

describe('district day script', () => {
  it('is the same for the same seed, and differs between seeds', () => {
    expect(buildScript(7)).toEqual(buildScript(7));
    expect(buildScript(7).map((i) => i.ackSeconds)).not.toEqual(buildScript(8).map((i) => i.ackSeconds));
  });

  it('has alarms acknowledged within 60 s, after 60 s and after 180 s, and leaves one open', () => {
    const s = buildScript(1);
    const acks = s.map((i) => i.ackSeconds).filter((x): x is number => x !== null);
    expect(acks.some((x) => x <= 60)).toBe(true);
    expect(acks.some((x) => x > 60 && x <= 180)).toBe(true);
    expect(acks.some((x) => x > 180)).toBe(true);
    expect(s.filter((i) => i.ackSeconds !== null && i.resolveAfterMs === null)).toHaveLength(1);
  });

  it('shortens to the first hours and still leaves one alarm open', () => {
    const s = buildScript(1, 3);
    expect(s.every((i) => i.at < 3 * 3_600_000)).toBe(true);
    expect(s.filter((i) => i.ackSeconds !== null && i.resolveAfterMs === null)).toHaveLength(1);
  });
});
