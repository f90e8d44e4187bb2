import { describe, expect, it } from 'vitest';
import { crcHex } from './crc.js';
import {
  ackBody,
  buildFrame,
  duhBody,
  formatTimestamp,
  nakBody,
  parseContent,
  parseFrame,
  parseTimestamp,
} from './frame.js';

const body = '"SIA-DCS"0002R1L232#78919[1234|NFA129][S123Main St., 55123]_11:10:00,10-12-2019';

describe('DC-09 framing', () => {
  it('reads the example message of the standard: token, sequence, receiver, line, account, content', () => {
    const f = parseFrame(buildFrame(body));
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.header).toEqual({
      encrypted: false,
      token: 'SIA-DCS',
      seq: '0002',
      receiver: '1',
      line: '232',
      account: '78919',
    });
    expect(parseContent(f.content)).toEqual({
      data: '1234|NFA129',
      extended: ['S123Main St., 55123'],
      timestamp: '11:10:00,10-12-2019',
    });
  });

  it('frames as LF, CRC (4 hex), length 0LLL, body, CR', () => {
    const f = buildFrame(body);
    expect(f[0]).toBe(0x0a);
    expect(f[f.length - 1]).toBe(0x0d);
    expect(f.subarray(1, 5).toString()).toBe(crcHex(Buffer.from(body)));
    expect(f.subarray(5, 9).toString()).toBe(body.length.toString(16).toUpperCase().padStart(4, '0'));
  });

  it('reads a frame whose CRC is two binary bytes (high byte first) and answers in that form', () => {
    const body = '"SIA-DCS"0002R1L0#1234[#1234|NRP]';
    const f = buildFrame(body, 'binary');
    expect(f.length).toBe(1 + 2 + 4 + body.length + 1);
    expect((f[1]! << 8) | f[2]!).toBe(parseInt(crcHex(Buffer.from(body, 'latin1')), 16));
    const r = parseFrame(f);
    expect(r).toMatchObject({
      ok: true,
      crcForm: 'binary',
      header: { token: 'SIA-DCS', seq: '0002', account: '1234' },
    });
    expect(parseFrame(buildFrame(body))).toMatchObject({ ok: true, crcForm: 'hex' });
    const bad = Buffer.from(f);
    bad[2] = bad[2]! ^ 0x01;
    expect(parseFrame(bad)).toMatchObject({ ok: false, reason: 'CRC mismatch' });
  });

  it('refuses a wrong CRC, a wrong length, a truncated frame, garbage and an oversized frame', () => {
    const good = buildFrame(body);
    const badCrc = Buffer.from(good);
    badCrc[1] = badCrc[1] === 0x30 ? 0x31 : 0x30;
    expect(parseFrame(badCrc)).toMatchObject({ ok: false, reason: 'CRC mismatch' });
    const badLen = Buffer.from(good);
    badLen[8] = badLen[8] === 0x30 ? 0x31 : 0x30;
    expect(parseFrame(badLen)).toMatchObject({ ok: false });
    expect(parseFrame(good.subarray(0, 30))).toMatchObject({ ok: false });
    expect(parseFrame(Buffer.from('\nhello world\r'))).toMatchObject({ ok: false });
    expect(parseFrame(buildFrame('"SIA-DCS"0002L0#1234[' + 'A'.repeat(3000) + ']'))).toMatchObject({ ok: false });
    expect(parseFrame(buildFrame('"SIA-DCS"0002L0#12[x]'))).toMatchObject({
      ok: false,
      reason: 'header not understood',
    });
  });

  it('marks encrypted messages (*) and accepts a frame without receiver number', () => {
    const f = parseFrame(buildFrame('"*ADM-CID"9876L789ABC#12345A[209C9D40'));
    expect(f.ok && f.header).toMatchObject({ encrypted: true, token: 'ADM-CID', receiver: null, line: '789ABC' });
  });

  it('reads and writes timestamps in UTC and refuses impossible ones', () => {
    const ms = Date.UTC(2026, 0, 31, 23, 59, 58);
    expect(formatTimestamp(ms)).toBe('23:59:58,01-31-2026');
    expect(parseTimestamp('23:59:58,01-31-2026')).toBe(ms);
    expect(parseTimestamp('12:00:00,02-30-2026')).toBeNull();
    expect(parseTimestamp('25:00:00,01-01-2026')).toBeNull();
    expect(parseContent('1234|NFA129]_1:00:00,01-01-2026')).toBeNull();
  });

  it('answers ACK, NAK (seq 0000, R0 L0 A0, receiver time) and DUH', () => {
    const h = { encrypted: false, token: 'ADM-CID', seq: '0042', receiver: '12', line: '3', account: '1234' };
    expect(ackBody(h)).toBe('"ACK"0042R12L3#1234[]');
    expect(duhBody(h)).toBe('"DUH"0042R12L3#1234[]');
    expect(ackBody({ ...h, receiver: null })).toBe('"ACK"0042L3#1234[]');
    expect(nakBody(Date.UTC(2026, 11, 7, 14, 5, 9))).toBe('"NAK"0000R0L0A0[]_14:05:09,12-07-2026');
  });
});
