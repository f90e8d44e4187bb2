import { describe, expect, it } from 'vitest';
import { loadCodeTables, mapEvent, profileNames } from './code-table.js';
import { parseContactId, parseSiaDcs } from './events.js';

const tables = loadCodeTables();
const cid = (data: string) => {
  const p = parseContactId(data);
  if (!p.ok) throw new Error(p.reason);
  return p.events[0]!;
};

describe('Contact ID and SIA DCS data blocks', () => {
  it('reads Contact ID: qualifier, code, group, zone, with or without the account and spaces', () => {
    expect(cid('#1234|1101 01 015')).toEqual({ protocol: 'cid', qualifier: '1', code: '101', area: '01', zone: '015' });
    expect(cid('3602 00 000')).toMatchObject({ qualifier: '3', code: '602' });
    expect(cid('#1234|110101015')).toMatchObject({ code: '101', zone: '015' });
    expect(parseContactId('#1234|9101 01 015').ok).toBe(false);
    expect(parseContactId('#1234|1101 01').ok).toBe(false);
  });

  it('reads SIA DCS: area modifier, several events, zones', () => {
    const p = parseSiaDcs('#1234|Nri1/FA129/MA002');
    expect(p).toEqual({
      ok: true,
      events: [
        { protocol: 'sia', code: 'FA', qualifier: null, area: '1', zone: '129' },
        { protocol: 'sia', code: 'MA', qualifier: null, area: '1', zone: '002' },
      ],
    });
    expect(parseSiaDcs('NRP').ok && parseSiaDcs('NRP')).toMatchObject({ events: [{ code: 'RP', zone: null }] });
    expect(parseSiaDcs('#1234|Nri1').ok).toBe(false);
    expect(parseSiaDcs('#1234|N$$$').ok).toBe(false);
  });
});

describe('code table', () => {
  it('maps the standard codes to hub events: personal emergency, fire, gas, water, battery, test, cancel', () => {
    const m = (d: string) => mapEvent(tables, 'standard', cid(d));
    expect(m('1101 01 001')).toMatchObject({ kind: 'event', event: 'sos' });
    expect(m('1111 01 001')).toMatchObject({ kind: 'event', event: 'smoke' });
    expect(m('1151 01 001')).toMatchObject({ kind: 'event', event: 'gas' });
    expect(m('1154 01 001')).toMatchObject({ kind: 'event', event: 'water_leak' });
    expect(m('1384 01 001')).toMatchObject({ kind: 'event', event: 'low_battery' });
    expect(m('1602 00 000')).toMatchObject({ kind: 'event', event: 'test' });
    expect(m('1406 01 001')).toMatchObject({ kind: 'event', event: 'cancel' });
    expect(m('1301 00 000')).toMatchObject({ kind: 'event', event: 'power_lost' });
    expect(m('1641 00 000')).toMatchObject({ kind: 'event', event: 'inactivity' });
    const sia = parseSiaDcs('Nri1/FA129/AT/RP');
    if (!sia.ok) throw new Error('parse');
    expect(sia.events.map((e) => mapEvent(tables, 'standard', e))).toMatchObject([
      { kind: 'event', event: 'smoke' },
      { kind: 'event', event: 'power_lost' },
      { kind: 'event', event: 'test' },
    ]);
  });

  it('restores of AC power and batteries close the device-health item; other restores are recorded', () => {
    const m = (d: string) => mapEvent(tables, 'standard', cid(d));
    expect(m('3301 00 000')).toMatchObject({ kind: 'event', event: 'power_restored' });
    expect(m('3302 00 000')).toMatchObject({ kind: 'event', event: 'battery_ok' });
    expect(m('3384 01 004')).toMatchObject({ kind: 'event', event: 'battery_ok' });
    expect(m('3111 01 001')).toMatchObject({ kind: 'recorded', condition: 'restore' });
    // A qualified key never applies to the other qualifiers.
    expect(m('6301 00 000')).toMatchObject({ kind: 'recorded', condition: 'still_present' });
    const sia = parseSiaDcs('Nri1/AR/YR/XR/FH');
    if (!sia.ok) throw new Error('parse');
    expect(sia.events.map((e) => mapEvent(tables, 'standard', e))).toMatchObject([
      { kind: 'event', event: 'power_restored' },
      { kind: 'event', event: 'battery_ok' },
      { kind: 'event', event: 'battery_ok' },
      { kind: 'recorded', condition: 'restore' },
    ]);
  });

  it('a restore (qualifier 3) or status report (6) never raises an alarm again', () => {
    expect(mapEvent(tables, 'standard', cid('3101 01 001'))).toMatchObject({ kind: 'recorded', condition: 'restore' });
    expect(mapEvent(tables, 'standard', cid('6111 01 001'))).toMatchObject({
      kind: 'recorded',
      condition: 'still_present',
    });
  });

  it('a vendor profile overrides the standard: CID 102 is "fail to report in", for this vendor a fall', () => {
    expect(profileNames(tables)).toContain('telecare-fall-102');
    expect(mapEvent(tables, 'standard', cid('1102 01 001'))).toMatchObject({
      kind: 'recorded',
      condition: 'fail_to_report',
    });
    expect(mapEvent(tables, 'telecare-fall-102', cid('1102 01 001'))).toMatchObject({ kind: 'event', event: 'fall' });
    // Other codes still come from the standard table.
    expect(mapEvent(tables, 'telecare-fall-102', cid('1101 01 001'))).toMatchObject({ kind: 'event', event: 'sos' });
  });

  it('an unknown code is unmapped (it is then dead-lettered, never dropped)', () => {
    expect(mapEvent(tables, 'standard', cid('1999 01 001'))).toEqual({ kind: 'unmapped' });
    const p = parseSiaDcs('NZZ1');
    if (!p.ok) throw new Error('parse');
    expect(mapEvent(tables, 'standard', p.events[0]!)).toEqual({ kind: 'unmapped' });
  });
});
